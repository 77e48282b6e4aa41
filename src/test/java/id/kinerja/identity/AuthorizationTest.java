package id.kinerja.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kinerja.organisation.Organisation;
import id.kinerja.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every endpoint for the roles allowed and refused. Calls that would change data use inputs the
 * domain refuses (an unknown unit, no clock movement), so that "allowed" shows as the domain's own
 * answer instead of 403.
 */
class AuthorizationTest extends IntegrationTest {

  @Autowired TestRestTemplate http;
  @Autowired Organisation organisation;

  @ParameterizedTest(name = "{0} {1} as {2}: {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET  | /api/tasks                          | pegawai1  |                                        | 200",
        "GET  | /api/tasks                          |           |                                        | 401",
        "GET  | /api/tasks/counts                   | atasan1   |                                        | 200",
        "GET  | /api/tasks/999999999                | pegawai1  |                                        | 404",
        "POST | /api/tasks/999999999/claim          | pegawai1  |                                        | 404",
        "GET  | /api/me                             | pemilik   |                                        | 200",
        "GET  | /api/my/skp                         | pegawai1  |                                        | 200",
        "GET  | /api/my/appeals                     | pegawai1  |                                        | 200",
        "GET  | /api/team                           | atasan1   |                                        | 200",
        "GET  | /api/team                           | pegawai1  |                                        | 403",
        "GET  | /api/process-definitions            | pemilik   |                                        | 200",
        "GET  | /api/process-definitions            | pegawai1  |                                        | 403",
        "GET  | /api/deployments                    | admin     |                                        | 200",
        "GET  | /api/deployments                    | atasan2   |                                        | 403",
        "GET  | /api/job-types                      | pemilik   |                                        | 200",
        "GET  | /api/organisation/tree?agency=DISKOMINFO | pengelola-kominfo |                    | 200",
        "GET  | /api/organisation/tree?agency=BKPSDM | pengelola-kominfo |                        | 403",
        "GET  | /api/organisation/tree?agency=BKPSDM | pengelola |                                | 200",
        "GET  | /api/organisation/tree?agency=BKPSDM | pegawai1  |                                | 403",
        "PUT  | /api/organisation/units/NOWHERE     | admin     | {\"name\":\"X\"}                   | 404",
        "PUT  | /api/organisation/units/BKPSDM-PKP  | pengelola-kominfo | {\"name\":\"X\"}           | 403",
        "PUT  | /api/organisation/units/SEKSI-LIP   | atasan1   | {\"name\":\"X\"}                   | 403",
        "POST | /api/organisation/acting            | pengelola-kominfo | {\"unitCode\":\"BKPSDM\"} | 403",
        "POST | /api/organisation/acting            | pengelola | {}                                     | 422",
        "POST | /api/organisation/acting/999999/end | pengelola |                                        | 404",
        "PUT  | /api/organisation/agencies/BKPSDM/officials/RATER | pengelola-kominfo | {\"username\":\"sekda\",\"name\":\"S\",\"position\":\"Sekda\"} | 403",
        "PUT  | /api/organisation/agencies/SEKSI-LIP/officials/RATER | admin | {\"username\":\"sekda\",\"name\":\"S\",\"position\":\"Sekda\"} | 422",
        "POST | /api/periods                        | pengelola-kominfo | {\"unitCode\":\"BKPSDM\",\"year\":2030} | 403",
        "POST | /api/reviews                        | pengelola-kominfo | {\"unitCode\":\"BKPSDM-PKP\",\"year\":2030} | 403",
        "POST | /api/tasks/999999999/reassign       | pengelola | {\"assignee\":\"atasan1\",\"reason\":\"Cuti\"} | 404",
        "POST | /api/tasks/999999999/reassign       | atasan1   | {\"assignee\":\"atasan1\",\"reason\":\"Cuti\"} | 403",
        "POST | /api/periods                        | pengelola | {\"unitCode\":\"NOWHERE\",\"year\":2030} | 422",
        "POST | /api/periods                        | pegawai1  | {\"unitCode\":\"NOWHERE\",\"year\":2030} | 403",
        "POST | /api/periods                        | admin     | {\"unitCode\":\"NOWHERE\",\"year\":2030} | 403",
        "GET  | /api/periods?year=2030              | pengelola |                                        | 200",
        "GET  | /api/periods?year=2030              | atasan1   |                                        | 403",
        "POST | /api/periods/999999/close           | pengelola |                                        | 422",
        "POST | /api/periods/999999/close           | pemilik   |                                        | 403",
        "POST | /api/reviews                        | pengelola | {\"unitCode\":\"NOWHERE\",\"year\":2030} | 422",
        "POST | /api/reviews                        | atasan1   | {\"unitCode\":\"NOWHERE\",\"year\":2030} | 403",
        "GET  | /api/reviews?year=2030              | pengelola |                                        | 200",
        "GET  | /api/reviews?year=2030              | pegawai1  |                                        | 403",
        "POST | /api/evaluations/999999/appeal      | pegawai1  | {\"reasons\":\"tidak setuju dengan hasilnya sama sekali\"} | 404",
        "GET  | /api/organisation/units             | pegawai1  |                                        | 200",
        "GET  | /api/organisation/employees         | pegawai1  |                                        | 200",
        "GET  | /api/admin/users                    | admin     |                                        | 200",
        "GET  | /api/admin/users                    | pemilik   |                                        | 403",
        "GET  | /api/admin/mail/outbox              | admin     |                                        | 200",
        "GET  | /api/admin/mail/outbox              | pengelola |                                        | 403",
        "GET  | /api/admin/notification-templates   | pemilik   |                                        | 200",
        "GET  | /api/admin/notification-templates   | pegawai1  |                                        | 403",
        "POST | /api/demo/clock                     | admin     | {\"days\":0,\"hours\":1}               | 200",
        "POST | /api/demo/clock                     | pengelola | {\"days\":0,\"hours\":1}               | 403",
        "GET  | /api/clock                          | pegawai1  |                                        | 200",
        "GET  | /api/coaching/mine                  | pegawai1  |                                        | 200",
        "GET  | /api/coaching/assigned-to-me        | atasan1   |                                        | 200",
        "GET  | /api/coaching/improvement/mine      | pegawai1  |                                        | 200",
        "GET  | /api/coaching/improvement/mine      |           |                                        | 401",
        "GET  | /api/my/checkins                    | pegawai1  |                                        | 200",
        "PUT  | /api/admin/users/nobody-here/roles   | admin     | {\"roles\":[\"PEGAWAI\"]}               | 404",
        "PUT  | /api/admin/users/pegawai1/roles      | pemilik   | {\"roles\":[\"ADMIN\"]}                 | 403",
        "PUT  | /api/admin/users/pegawai1/password   | pemilik   | {\"password\":\"Sembarang-2027!\"}      | 403",
        "PUT  | /api/admin/users/nobody-here/password | admin    | {\"password\":\"Sembarang-2027!\"}      | 404",
        "PUT  | /api/me/password                     |           | {\"newPassword\":\"Sembarang-2027!\"}   | 401",
        "POST | /api/employees/000000000000000000/transfer | pengelola | {\"year\":2030,\"unitCode\":\"SEKSI-KP\",\"position\":\"Analis\"} | 422",
        "POST | /api/employees/000000000000000000/transfer | pegawai1  | {\"year\":2030,\"unitCode\":\"SEKSI-KP\",\"position\":\"Analis\"} | 403",
        "GET  | /api/skp/999999999/document.pdf     | pegawai1  |                                        | 404",
        "GET  | /api/evaluations/999999999/document.pdf | atasan1 |                                       | 404",
        "GET  | /api/skp/1/document.pdf              |           |                                        | 401",
        "GET  | /api/my/documents                   | pegawai1  |                                        | 200",
        "GET  | /api/team/documents                 | atasan1   |                                        | 200",
        "GET  | /api/team/documents                 | pegawai1  |                                        | 403",
        "GET  | /api/exports/evaluations?unit=NOWHERE&year=2030 | pengelola |                            | 404",
        "GET  | /api/exports/evaluations?unit=SEKSI-LIP&year=2030 | atasan1 |                            | 403",
        "GET  | /api/exports                        | admin     |                                        | 200",
        "GET  | /api/exports                        | pemilik   |                                        | 403",
        "POST | /api/exports                        | pegawai1  | {\"kind\":\"SKP\",\"unit\":\"SEKSI-LIP\",\"year\":2030} | 403",
        "POST | /api/exports                        | pengelola | {\"kind\":\"NOTHING\",\"unit\":\"SEKSI-LIP\",\"year\":2030} | 400",
        "GET  | /api/exports/00000000-0000-0000-0000-000000000000 | pengelola |                          | 404",
        "GET  | /api/dashboards/team/skp-status     | atasan1   |                                        | 200",
        "GET  | /api/dashboards/team/capaian        | pegawai1  |                                        | 403",
        "GET  | /api/dashboards/agency/stages       | pengelola |                                        | 200",
        "GET  | /api/dashboards/agency/stages       | atasan2   |                                        | 403",
        "GET  | /api/dashboards/calibration?year=2030 | admin   |                                        | 200",
        "GET  | /api/dashboards/calibration?year=2030 | pemilik |                                        | 403",
        "POST | /api/dashboards/calibration/999999/what-if | pengelola | {\"changes\":[]}                 | 404",
        "GET  | /api/dashboards/me/predikat         | pegawai1  |                                        | 200",
        "GET  | /api/dashboards/me/predikat         |           |                                        | 401",
        // who may act is settled before the body is read: a stranger hears no, whatever they send
        "POST | /api/periods                        | pegawai1  | {}                                     | 403",
        "POST | /api/periods                        | pengelola | {}                                     | 400",
        "POST | /api/periods                        | pegawai1  | {nicht json                            | 403",
        "POST | /api/periods                        | pengelola | {nicht json                            | 400",
        "POST | /api/reviews                        | atasan1   | [1,2,3]                                | 403",
        "POST | /api/demo/clock                     | pengelola | {\"days\":\"banyak\"}               | 403",
        "POST | /api/demo/clock                     | admin     | {\"days\":\"banyak\"}               | 400",
        "PUT  | /api/admin/users/pegawai1/roles      | pemilik   | {\"roles\":\"ADMIN\"}                 | 403",
        "POST | /api/evaluations/999999/appeal      | pegawai1  | {nicht json                            | 404",
        "POST | /api/tasks/999999999/complete       | pegawai1  | {nicht json                            | 404",
        "GET  | /api/labels                         | pegawai1  |                                        | 200",
        "GET  | /api/labels                         |           |                                        | 401",
        "GET  | /api/holidays/2039                  | pegawai1  |                                        | 200",
        "PUT  | /api/holidays/2039                  | pengelola | [{\"date\":\"17-08-2039\",\"name\":\"HUT RI\"}] | 400",
        "PUT  | /api/holidays/2039                  | pegawai1  | []                                     | 403",
      })
  void eachEndpointAnswersEachRole(
      String method, String path, String user, String body, int expected) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "demo");
    ResponseEntity<JsonNode> response =
        client.exchange(
            path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), JsonNode.class);

    assertThat(response.getStatusCode().value())
        .as(String.valueOf(response.getBody()))
        .isEqualTo(expected);
    if (expected == 403) {
      assertThat(response.getBody().path("detail").asText()).isNotBlank();
    }
  }

  @Test
  void evaluationsAreForTheEmployeeTheirRaterAndDeciderAndOfficersOnly() {
    String nip = organisation.byUsername("pegawai1").orElseThrow().nip();
    String path = "/api/employees/" + nip + "/evaluations";

    assertThat(
            http.withBasicAuth("pegawai1", "demo")
                .getForEntity(path, JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            http.withBasicAuth("atasan1", "demo")
                .getForEntity(path, JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            http.withBasicAuth("atasan2", "demo")
                .getForEntity(path, JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            http.withBasicAuth("pengelola", "demo")
                .getForEntity(path, JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            http.withBasicAuth("pemilik", "demo")
                .getForEntity(path, JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }
}
