using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartCity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LatestVerifiedReportIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_QuickWinId_State_PeriodEnd_PeriodStart",
                table: "ProgressReports",
                columns: new[] { "QuickWinId", "State", "PeriodEnd", "PeriodStart" },
                descending: new[] { false, false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_QuickWinId_State_PeriodEnd_PeriodStart",
                table: "ProgressReports");
        }
    }
}
