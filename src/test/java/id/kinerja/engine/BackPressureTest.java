package id.kinerja.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure: a busy engine refuses commands with RESOURCE_EXHAUSTED, and the application
 * repeats them with a growing pause up to its limit (kinerja.engine.back-pressure.*). The in-memory
 * engine never pushes back, so a gateway of this test's own answers as a busy one would: refusing
 * the first commands, then taking them.
 */
class BackPressureTest {

  static final ZeebeEngine.BackPressure LIMITS =
      new ZeebeEngine.BackPressure(6, Duration.ofMillis(20), Duration.ofMillis(100));

  private final AtomicInteger refusalsLeft = new AtomicInteger();
  private final AtomicInteger attempts = new AtomicInteger();
  private Status refusal = Status.RESOURCE_EXHAUSTED;
  private Server gateway;
  private CamundaClient client;
  private ZeebeEngine engine;

  @BeforeEach
  void busyGateway() throws IOException {
    gateway =
        NettyServerBuilder.forPort(0)
            .addService(
                new GatewayGrpc.GatewayImplBase() {
                  @Override
                  public void createProcessInstance(
                      CreateProcessInstanceRequest request,
                      StreamObserver<CreateProcessInstanceResponse> answer) {
                    if (refused(answer)) {
                      return;
                    }
                    answer.onNext(
                        CreateProcessInstanceResponse.newBuilder()
                            .setProcessInstanceKey(4711)
                            .setBpmnProcessId(request.getBpmnProcessId())
                            .build());
                    answer.onCompleted();
                  }

                  @Override
                  public void publishMessage(
                      PublishMessageRequest request,
                      StreamObserver<PublishMessageResponse> answer) {
                    if (refused(answer)) {
                      return;
                    }
                    answer.onNext(PublishMessageResponse.newBuilder().setKey(1).build());
                    answer.onCompleted();
                  }
                })
            .build()
            .start();
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://127.0.0.1:" + gateway.getPort()))
            .preferRestOverGrpc(false)
            .build();
    engine = new ZeebeEngine(client, List::of, LIMITS);
  }

  private boolean refused(StreamObserver<?> answer) {
    attempts.incrementAndGet();
    if (refusalsLeft.getAndDecrement() > 0) {
      answer.onError(refusal.withDescription("the engine is busy").asRuntimeException());
      return true;
    }
    return false;
  }

  @AfterEach
  void close() throws InterruptedException {
    client.close();
    gateway.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void aCommandRefusedForBackPressureGoesThroughOnALaterAttempt() {
    refusalsLeft.set(4);

    assertThat(engine.startProcess("skp-planning", Map.of())).isEqualTo(4711);
    assertThat(attempts).hasValue(5);
  }

  @Test
  void afterTheLimitTheCallerHearsThatTheEngineIsBusy() {
    refusalsLeft.set(100);

    assertThatThrownBy(() -> engine.startProcess("skp-planning", Map.of()))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("the engine is busy");
    assertThat(attempts).hasValue(LIMITS.maxAttempts());
  }

  @Test
  void anUnavailableGatewayIsRetriedOnlyForCommandsThatMayBeRepeated() {
    refusal = Status.UNAVAILABLE;
    refusalsLeft.set(2);

    // a process start might have been taken before the gateway went away: not repeated
    assertThatThrownBy(() -> engine.startProcess("skp-planning", Map.of()))
        .isInstanceOf(EngineException.class);
    assertThat(attempts).hasValue(1);

    // a message carries its id: publishing it twice is harmless
    refusalsLeft.set(2);
    attempts.set(0);
    engine.publishMessage("m", "k", "id-1", Map.of());
    assertThat(attempts).hasValue(3);
  }
}
