/**
 * Pembinaan (coaching and counselling): processes/coaching.bpmn, process id {@code coaching}.
 *
 * <p>Input: employeeNip, employeeUsername, raterUsername, reason; optional requestedCoachKind.
 *
 * <ul>
 *   <li>Kind ({@link id.kinerja.coaching.CoachKind#forReason}): requestedCoachKind when given; else
 *       KONSELING when the reason contains GAP_REPEATED or KONSELING; else BIMBINGAN.
 *   <li>{@code kinerja-assign-coach} ({@link id.kinerja.coaching.CoachChooser}): eligible for
 *       BIMBINGAN are certified BIMBINGAN coaches (table coach, any agency) and active employees of
 *       the same agency (root unit of the org tree) with a strictly higher grade ({@link
 *       id.kinerja.coaching.Grades}: PNS I/a..IV/e and PPPK I..XVII on one scale 1..17); for
 *       KONSELING only certified KONSELING counsellors (independent counsellor). Never the
 *       employee, never the rater while {@code OpenAppeals.between(employee, rater)}, only people
 *       with a user name, only below capacity (coach.capacity, else {@code defaultCoachCapacity},
 *       an input mapping of the task, default 3). Least open assignments first, then higher grade,
 *       then NIP ascending. Outputs coachFound, coachKind, coachUsername, coachName, employeeName.
 *   <li>Nobody eligible: user task "Tetapkan pembina" for PENGELOLA_KINERJA (form {@code
 *       coach-assign}, field chosenCoach); {@code kinerja-coach-chosen} checks the pick (an
 *       employee, not the employee, not the rater during an open appeal), outputs it as
 *       coachUsername, and sends it back with {@code coachProblem} if not.
 *   <li>{@code kinerja-notify} COACH_ASSIGNED to the coach and the employee.
 *   <li>User task "Catat sesi pembinaan" for the coach (form {@code coaching-session}: sessionDate,
 *       sessionNotes, outcome); {@code kinerja-coaching-session-recorded} keeps it (table
 *       coaching_session, idempotent by event key) and closes the assignment on every outcome but
 *       MORE_COACHING, which loops. TRANSFER_PROPOSAL and DISCIPLINE_RECOMMENDATION go to a
 *       PENGELOLA_KINERJA task (form {@code coaching-follow-up}) before the end.
 * </ul>
 *
 * <p>API: {@code GET /api/coaching/mine}, {@code GET /api/coaching/assigned-to-me}.
 */
package id.kinerja.coaching;
