/**
 * Tindak lanjut pengembangan (rules.md, the cycle, step 5: development plans and training for gaps,
 * awards for Sangat Baik).
 *
 * <ul>
 *   <li>Rencana pengembangan individu, processes/development-plan.bpmn (process id {@code
 *       development-plan}): coaching that ends (processes/coaching.bpmn, every outcome but more
 *       coaching, a transfer proposal or a discipline recommendation) asks for it through {@code
 *       kinerja-development-plan-start}. The employee writes goals, actions, support needed and a
 *       target date (form {@code development-plan-draft}); the rater agrees or returns it with a
 *       note (form {@code development-plan-review}); a returned plan goes back to the employee.
 *   <li>Training and special assignments ({@code kinerja-follow-up-arranged}, from coaching.bpmn
 *       and improvement-period.bpmn): a record with its owner (a user, or the agency's Pengelola
 *       Kinerja when none), a due date from the BPMN [C], and later the owner's outcome.
 *   <li>Awards and talent pool ({@link id.kinerja.development.Recognitions}): recorded by the
 *       Pengelola Kinerja for a delivered annual Sangat Baik.
 * </ul>
 *
 * <p>API under {@code /api/development}; every change is in the audit trail.
 */
package id.kinerja.development;
