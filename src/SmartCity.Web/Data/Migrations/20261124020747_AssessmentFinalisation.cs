using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartCity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentFinalisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_LetterNumber",
                table: "RoundParticipants",
                column: "LetterNumber",
                unique: true);

            migrationBuilder.Sql("""
                CREATE FUNCTION assessment_round_is_finalised(round_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
                    SELECT EXISTS (SELECT 1 FROM "AssessmentRounds" WHERE "Id" = round_id AND "State" = 'Finalised')
                $$;

                CREATE FUNCTION assessment_scores_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' AND assessment_round_is_finalised(OLD."RoundId") THEN
                        RAISE EXCEPTION 'assessment round % is finalised: % of % refused', OLD."RoundId", TG_OP, TG_TABLE_NAME USING ERRCODE = 'check_violation';
                    END IF;
                    IF TG_OP <> 'DELETE' AND assessment_round_is_finalised(NEW."RoundId") THEN
                        RAISE EXCEPTION 'assessment round % is finalised: % of % refused', NEW."RoundId", TG_OP, TG_TABLE_NAME USING ERRCODE = 'check_violation';
                    END IF;
                    IF TG_OP = 'DELETE' THEN
                        RETURN OLD;
                    END IF;
                    RETURN NEW;
                END $$;

                CREATE TRIGGER "TR_SelfAssessmentScores_Finalised" BEFORE INSERT OR UPDATE OR DELETE ON "SelfAssessmentScores"
                    FOR EACH ROW EXECUTE FUNCTION assessment_scores_immutable();
                CREATE TRIGGER "TR_AssessorScores_Finalised" BEFORE INSERT OR UPDATE OR DELETE ON "AssessorScores"
                    FOR EACH ROW EXECUTE FUNCTION assessment_scores_immutable();
                CREATE TRIGGER "TR_ReconciledScores_Finalised" BEFORE INSERT OR UPDATE OR DELETE ON "ReconciledScores"
                    FOR EACH ROW EXECUTE FUNCTION assessment_scores_immutable();
                CREATE TRIGGER "TR_ResultComments_Finalised" BEFORE INSERT OR UPDATE OR DELETE ON "ResultComments"
                    FOR EACH ROW EXECUTE FUNCTION assessment_scores_immutable();

                CREATE FUNCTION round_participant_results_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF assessment_round_is_finalised(OLD."RoundId") AND (
                        NEW."RoundId" <> OLD."RoundId" OR NEW."RegencyId" <> OLD."RegencyId"
                        OR NEW."Index" IS DISTINCT FROM OLD."Index" OR NEW."Band" IS DISTINCT FROM OLD."Band"
                        OR NEW."NationalRank" IS DISTINCT FROM OLD."NationalRank" OR NEW."ProvincialRank" IS DISTINCT FROM OLD."ProvincialRank"
                        OR NEW."Change" IS DISTINCT FROM OLD."Change" OR NEW."LetterNumber" IS DISTINCT FROM OLD."LetterNumber"
                        OR NEW."LetterDate" IS DISTINCT FROM OLD."LetterDate") THEN
                        RAISE EXCEPTION 'assessment round % is finalised: its results are immutable', OLD."RoundId" USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$;

                CREATE TRIGGER "TR_RoundParticipants_Finalised" BEFORE UPDATE ON "RoundParticipants"
                    FOR EACH ROW EXECUTE FUNCTION round_participant_results_immutable();

                CREATE FUNCTION assessment_round_stays_finalised() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD."State" = 'Finalised' AND (NEW."State" <> 'Finalised' OR NEW."InstrumentId" <> OLD."InstrumentId" OR NEW."FinalisedAt" IS DISTINCT FROM OLD."FinalisedAt") THEN
                        RAISE EXCEPTION 'assessment round % is finalised', OLD."Id" USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$;

                CREATE TRIGGER "TR_AssessmentRounds_Finalised" BEFORE UPDATE ON "AssessmentRounds"
                    FOR EACH ROW EXECUTE FUNCTION assessment_round_stays_finalised();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "TR_AssessmentRounds_Finalised" ON "AssessmentRounds";
                DROP FUNCTION IF EXISTS assessment_round_stays_finalised();
                DROP TRIGGER IF EXISTS "TR_RoundParticipants_Finalised" ON "RoundParticipants";
                DROP FUNCTION IF EXISTS round_participant_results_immutable();
                DROP TRIGGER IF EXISTS "TR_ResultComments_Finalised" ON "ResultComments";
                DROP TRIGGER IF EXISTS "TR_ReconciledScores_Finalised" ON "ReconciledScores";
                DROP TRIGGER IF EXISTS "TR_AssessorScores_Finalised" ON "AssessorScores";
                DROP TRIGGER IF EXISTS "TR_SelfAssessmentScores_Finalised" ON "SelfAssessmentScores";
                DROP FUNCTION IF EXISTS assessment_scores_immutable();
                DROP FUNCTION IF EXISTS assessment_round_is_finalised(integer);
                """);

            migrationBuilder.DropIndex(
                name: "IX_RoundParticipants_LetterNumber",
                table: "RoundParticipants");
        }
    }
}
