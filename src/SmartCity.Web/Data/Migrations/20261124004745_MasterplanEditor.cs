using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartCity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MasterplanEditor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<int>(
                name: "SortOrder",
                table: "ProgrammeKpis",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MasterplanDrafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    MasterplanId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Block = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Content = table.Column<string>(type: "jsonb", nullable: false),
                    BaseVersion = table.Column<long>(type: "bigint", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MasterplanDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MasterplanDrafts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MasterplanDrafts_Masterplans_MasterplanId_RegencyId",
                        columns: x => new { x.MasterplanId, x.RegencyId },
                        principalTable: "Masterplans",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MasterplanDrafts_MasterplanId_RegencyId",
                table: "MasterplanDrafts",
                columns: new[] { "MasterplanId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_MasterplanDrafts_MasterplanId_UserId_Block",
                table: "MasterplanDrafts",
                columns: new[] { "MasterplanId", "UserId", "Block" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MasterplanDrafts_UserId",
                table: "MasterplanDrafts",
                column: "UserId");

            // A submitted version is immutable: only its approval (who, when) may be recorded later.
            migrationBuilder.Sql("""
                CREATE FUNCTION masterplan_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW."Snapshot" IS DISTINCT FROM OLD."Snapshot" OR NEW."Number" <> OLD."Number"
                       OR NEW."MasterplanId" <> OLD."MasterplanId" OR NEW."RegencyId" <> OLD."RegencyId"
                       OR NEW."SubmittedAt" <> OLD."SubmittedAt" OR NEW."SubmittedById" IS DISTINCT FROM OLD."SubmittedById" THEN
                        RAISE EXCEPTION 'masterplan version % is immutable', OLD."Id" USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "TR_MasterplanVersions_Immutable" BEFORE UPDATE ON "MasterplanVersions"
                    FOR EACH ROW EXECUTE FUNCTION masterplan_version_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "TR_MasterplanVersions_Immutable" ON "MasterplanVersions";
                DROP FUNCTION IF EXISTS masterplan_version_immutable();
                """);

            migrationBuilder.DropTable(
                name: "MasterplanDrafts");

            migrationBuilder.DropColumn(
                name: "SortOrder",
                table: "ProgrammeKpis");
        }
    }
}
