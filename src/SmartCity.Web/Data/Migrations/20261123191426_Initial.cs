using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SmartCity.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "EntityFrameworkHiLoSequence",
                incrementBy: 10);

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Entity = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: true),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Changes = table.Column<string>(type: "jsonb", nullable: false),
                    CorrelationId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Dimensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    NameId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dimensions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Instruments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    ScaleMin = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    ScaleMax = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    DivergenceThreshold = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    SourceInstrumentId = table.Column<int>(type: "integer", nullable: true),
                    IsTemplate = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instruments", x => x.Id);
                    table.CheckConstraint("CK_Instruments_Scale", "\"ScaleMin\" >= 0 AND \"ScaleMax\" > \"ScaleMin\" AND \"ScaleMax\" <= 10");
                    table.CheckConstraint("CK_Instruments_Threshold", "\"DivergenceThreshold\" >= 0");
                    table.ForeignKey(
                        name: "FK_Instruments_Instruments_SourceInstrumentId",
                        column: x => x.SourceInstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Provinces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Provinces", x => x.Id);
                    table.CheckConstraint("CK_Provinces_Code", "\"Code\" ~ '^[0-9]{2}$'");
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Elements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    DimensionId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NameId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Elements", x => x.Id);
                    table.UniqueConstraint("AK_Elements_Id_DimensionId", x => new { x.Id, x.DimensionId });
                    table.ForeignKey(
                        name: "FK_Elements_Dimensions_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "Dimensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    SelfAssessmentOpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ScoringOpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReconciliationOpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalisesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentRounds", x => x.Id);
                    table.CheckConstraint("CK_AssessmentRounds_Year", "\"Year\" BETWEEN 2017 AND 2100");
                    table.ForeignKey(
                        name: "FK_AssessmentRounds_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Bands",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    MinInclusive = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    MaxExclusive = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bands", x => x.Id);
                    table.CheckConstraint("CK_Bands_Range", "\"MaxExclusive\" IS NULL OR \"MaxExclusive\" > \"MinInclusive\"");
                    table.ForeignKey(
                        name: "FK_Bands_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Criteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    InstrumentId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NameId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    PerDimension = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Criteria", x => x.Id);
                    table.CheckConstraint("CK_Criteria_Weight", "\"Weight\" > 0 AND \"Weight\" <= 100");
                    table.ForeignKey(
                        name: "FK_Criteria_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Regencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SuccessorId = table.Column<int>(type: "integer", nullable: true),
                    CohortYear = table.Column<int>(type: "integer", nullable: true),
                    CurrentStage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReportingPeriod = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regencies", x => x.Id);
                    table.CheckConstraint("CK_Regencies_Code", "\"Code\" ~ '^[0-9]{2}\\.[0-9]{2}$'");
                    table.CheckConstraint("CK_Regencies_Cohort", "\"CohortYear\" IS NULL OR \"CohortYear\" BETWEEN 2017 AND 2100");
                    table.ForeignKey(
                        name: "FK_Regencies_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Regencies_Regencies_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "Regencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: true),
                    IsVerifier = table.Column<bool>(type: "boolean", nullable: false),
                    IsRegencyUserAdmin = table.Column<bool>(type: "boolean", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PreferredCulture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Regencies_RegencyId",
                        column: x => x.RegencyId,
                        principalTable: "Regencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GovernmentUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Acronym = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernmentUnits", x => x.Id);
                    table.UniqueConstraint("AK_GovernmentUnits_Id_RegencyId", x => new { x.Id, x.RegencyId });
                    table.ForeignKey(
                        name: "FK_GovernmentUnits_Regencies_RegencyId",
                        column: x => x.RegencyId,
                        principalTable: "Regencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Masterplans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    EndYear = table.Column<int>(type: "integer", nullable: false),
                    RpjmdStartYear = table.Column<int>(type: "integer", nullable: false),
                    RpjmdEndYear = table.Column<int>(type: "integer", nullable: false),
                    RpjmdTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    WorkingVersion = table.Column<int>(type: "integer", nullable: false),
                    ApprovedVersion = table.Column<int>(type: "integer", nullable: true),
                    Vision = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Missions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    GapAnalysis = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Strengths = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Weaknesses = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Opportunities = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Threats = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Masterplans", x => x.Id);
                    table.UniqueConstraint("AK_Masterplans_Id_RegencyId", x => new { x.Id, x.RegencyId });
                    table.CheckConstraint("CK_Masterplans_Period", "\"EndYear\" - \"StartYear\" BETWEEN 5 AND 10");
                    table.CheckConstraint("CK_Masterplans_Rpjmd", "\"RpjmdEndYear\" > \"RpjmdStartYear\"");
                    table.CheckConstraint("CK_Masterplans_Versions", "\"WorkingVersion\" >= 1 AND (\"ApprovedVersion\" IS NULL OR \"ApprovedVersion\" <= \"WorkingVersion\")");
                    table.ForeignKey(
                        name: "FK_Masterplans_Regencies_RegencyId",
                        column: x => x.RegencyId,
                        principalTable: "Regencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StageChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StageChanges_Regencies_RegencyId",
                        column: x => x.RegencyId,
                        principalTable: "Regencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConflictsOfInterest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    AssessorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictsOfInterest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictsOfInterest_AspNetUsers_AssessorId",
                        column: x => x.AssessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConflictsOfInterest_Regencies_RegencyId",
                        column: x => x.RegencyId,
                        principalTable: "Regencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    SelfAssessmentSubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SelfAssessmentSubmittedById = table.Column<string>(type: "text", nullable: true),
                    Index = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Band = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    NationalRank = table.Column<int>(type: "integer", nullable: true),
                    ProvincialRank = table.Column<int>(type: "integer", nullable: true),
                    Change = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    LetterNumber = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LetterDate = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundParticipants", x => x.Id);
                    table.UniqueConstraint("AK_RoundParticipants_RoundId_RegencyId", x => new { x.RoundId, x.RegencyId });
                    table.CheckConstraint("CK_RoundParticipants_Ranks", "(\"NationalRank\" IS NULL OR \"NationalRank\" >= 1) AND (\"ProvincialRank\" IS NULL OR \"ProvincialRank\" >= 1)");
                    table.ForeignKey(
                        name: "FK_RoundParticipants_AspNetUsers_SelfAssessmentSubmittedById",
                        column: x => x.SelfAssessmentSubmittedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundParticipants_AssessmentRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AssessmentRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundParticipants_Regencies_RegencyId",
                        column: x => x.RegencyId,
                        principalTable: "Regencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DimensionStrategies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    MasterplanId = table.Column<int>(type: "integer", nullable: false),
                    DimensionId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DimensionStrategies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DimensionStrategies_Dimensions_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "Dimensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DimensionStrategies_Masterplans_MasterplanId_RegencyId",
                        columns: x => new { x.MasterplanId, x.RegencyId },
                        principalTable: "Masterplans",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MasterplanGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    MasterplanId = table.Column<int>(type: "integer", nullable: false),
                    DimensionId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Indicator = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Baseline = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MasterplanGoals", x => x.Id);
                    table.UniqueConstraint("AK_MasterplanGoals_Id_MasterplanId", x => new { x.Id, x.MasterplanId });
                    table.ForeignKey(
                        name: "FK_MasterplanGoals_Dimensions_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "Dimensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MasterplanGoals_Masterplans_MasterplanId_RegencyId",
                        columns: x => new { x.MasterplanId, x.RegencyId },
                        principalTable: "Masterplans",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MasterplanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    MasterplanId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedById = table.Column<string>(type: "text", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedById = table.Column<string>(type: "text", nullable: true),
                    Snapshot = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MasterplanVersions", x => x.Id);
                    table.CheckConstraint("CK_MasterplanVersions_Number", "\"Number\" >= 1");
                    table.ForeignKey(
                        name: "FK_MasterplanVersions_AspNetUsers_ApprovedById",
                        column: x => x.ApprovedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MasterplanVersions_AspNetUsers_SubmittedById",
                        column: x => x.SubmittedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MasterplanVersions_Masterplans_MasterplanId_RegencyId",
                        columns: x => new { x.MasterplanId, x.RegencyId },
                        principalTable: "Masterplans",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReadinessRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    MasterplanId = table.Column<int>(type: "integer", nullable: false),
                    ElementId = table.Column<int>(type: "integer", nullable: true),
                    Component = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Grade = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadinessRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReadinessRatings_Elements_ElementId",
                        column: x => x.ElementId,
                        principalTable: "Elements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReadinessRatings_Masterplans_MasterplanId_RegencyId",
                        columns: x => new { x.MasterplanId, x.RegencyId },
                        principalTable: "Masterplans",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    MasterplanId = table.Column<int>(type: "integer", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    Anchor = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedById = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewComments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewComments_AspNetUsers_ResolvedById",
                        column: x => x.ResolvedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewComments_Masterplans_MasterplanId_RegencyId",
                        columns: x => new { x.MasterplanId, x.RegencyId },
                        principalTable: "Masterplans",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewComments_ReviewComments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "ReviewComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Signatories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    MasterplanId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Institution = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signatories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Signatories_Masterplans_MasterplanId_RegencyId",
                        columns: x => new { x.MasterplanId, x.RegencyId },
                        principalTable: "Masterplans",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessorAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    AssessorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessorAssignments", x => x.Id);
                    table.UniqueConstraint("AK_AssessorAssignments_RoundId_RegencyId_AssessorId", x => new { x.RoundId, x.RegencyId, x.AssessorId });
                    table.ForeignKey(
                        name: "FK_AssessorAssignments_AspNetUsers_AssessorId",
                        column: x => x.AssessorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessorAssignments_AssessmentRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AssessmentRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessorAssignments_RoundParticipants_RoundId_RegencyId",
                        columns: x => new { x.RoundId, x.RegencyId },
                        principalTable: "RoundParticipants",
                        principalColumns: new[] { "RoundId", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultComments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResultComments_Criteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "Criteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResultComments_RoundParticipants_RoundId_RegencyId",
                        columns: x => new { x.RoundId, x.RegencyId },
                        principalTable: "RoundParticipants",
                        principalColumns: new[] { "RoundId", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    MasterplanId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DimensionId = table.Column<int>(type: "integer", nullable: false),
                    ElementId = table.Column<int>(type: "integer", nullable: true),
                    OwnerUnitId = table.Column<int>(type: "integer", nullable: true),
                    Horizon = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    EndYear = table.Column<int>(type: "integer", nullable: false),
                    BudgetEstimate = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    BudgetSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RpjmdReference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    GoalId = table.Column<int>(type: "integer", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                    table.UniqueConstraint("AK_Programmes_Id_RegencyId", x => new { x.Id, x.RegencyId });
                    table.CheckConstraint("CK_Programmes_Budget", "\"BudgetEstimate\" IS NULL OR \"BudgetEstimate\" >= 0");
                    table.CheckConstraint("CK_Programmes_Years", "\"EndYear\" >= \"StartYear\"");
                    table.ForeignKey(
                        name: "FK_Programmes_Dimensions_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "Dimensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Programmes_Elements_ElementId_DimensionId",
                        columns: x => new { x.ElementId, x.DimensionId },
                        principalTable: "Elements",
                        principalColumns: new[] { "Id", "DimensionId" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Programmes_GovernmentUnits_OwnerUnitId_RegencyId",
                        columns: x => new { x.OwnerUnitId, x.RegencyId },
                        principalTable: "GovernmentUnits",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Programmes_MasterplanGoals_GoalId_MasterplanId",
                        columns: x => new { x.GoalId, x.MasterplanId },
                        principalTable: "MasterplanGoals",
                        principalColumns: new[] { "Id", "MasterplanId" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Programmes_Masterplans_MasterplanId_RegencyId",
                        columns: x => new { x.MasterplanId, x.RegencyId },
                        principalTable: "Masterplans",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeKpis",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Baseline = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeKpis", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeKpis_Programmes_ProgrammeId_RegencyId",
                        columns: x => new { x.ProgrammeId, x.RegencyId },
                        principalTable: "Programmes",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuickWins",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Acronym = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    DimensionId = table.Column<int>(type: "integer", nullable: false),
                    ElementId = table.Column<int>(type: "integer", nullable: true),
                    OwnerUnitId = table.Column<int>(type: "integer", nullable: true),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    BudgetSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuickWins", x => x.Id);
                    table.UniqueConstraint("AK_QuickWins_Id_RegencyId", x => new { x.Id, x.RegencyId });
                    table.CheckConstraint("CK_QuickWins_Budget", "\"Budget\" >= 0");
                    table.CheckConstraint("CK_QuickWins_Dates", "\"TargetDate\" >= \"StartDate\"");
                    table.ForeignKey(
                        name: "FK_QuickWins_Dimensions_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "Dimensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuickWins_Elements_ElementId_DimensionId",
                        columns: x => new { x.ElementId, x.DimensionId },
                        principalTable: "Elements",
                        principalColumns: new[] { "Id", "DimensionId" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuickWins_GovernmentUnits_OwnerUnitId_RegencyId",
                        columns: x => new { x.OwnerUnitId, x.RegencyId },
                        principalTable: "GovernmentUnits",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuickWins_Programmes_ProgrammeId_RegencyId",
                        columns: x => new { x.ProgrammeId, x.RegencyId },
                        principalTable: "Programmes",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_QuickWins_Regencies_RegencyId",
                        column: x => x.RegencyId,
                        principalTable: "Regencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Kpis",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    QuickWinId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Baseline = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    LatestActual = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kpis", x => x.Id);
                    table.UniqueConstraint("AK_Kpis_Id_QuickWinId", x => new { x.Id, x.QuickWinId });
                    table.ForeignKey(
                        name: "FK_Kpis_QuickWins_QuickWinId_RegencyId",
                        columns: x => new { x.QuickWinId, x.RegencyId },
                        principalTable: "QuickWins",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    QuickWinId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.CheckConstraint("CK_Milestones_Weight", "\"Weight\" > 0");
                    table.ForeignKey(
                        name: "FK_Milestones_QuickWins_QuickWinId_RegencyId",
                        columns: x => new { x.QuickWinId, x.RegencyId },
                        principalTable: "QuickWins",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    QuickWinId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Narrative = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Obstacles = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerifiedById = table.Column<string>(type: "text", nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReports", x => x.Id);
                    table.UniqueConstraint("AK_ProgressReports_Id_QuickWinId", x => new { x.Id, x.QuickWinId });
                    table.CheckConstraint("CK_ProgressReports_NotSelfVerified", "\"VerifiedById\" IS NULL OR \"AuthorId\" IS NULL OR \"VerifiedById\" <> \"AuthorId\"");
                    table.CheckConstraint("CK_ProgressReports_Percent", "\"Percent\" BETWEEN 0 AND 100");
                    table.CheckConstraint("CK_ProgressReports_Period", "\"Period\" ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'");
                    table.CheckConstraint("CK_ProgressReports_PeriodDates", "\"PeriodEnd\" >= \"PeriodStart\"");
                    table.ForeignKey(
                        name: "FK_ProgressReports_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressReports_AspNetUsers_VerifiedById",
                        column: x => x.VerifiedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressReports_QuickWins_QuickWinId_RegencyId",
                        columns: x => new { x.QuickWinId, x.RegencyId },
                        principalTable: "QuickWins",
                        principalColumns: new[] { "Id", "RegencyId" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    ProgressReportId = table.Column<int>(type: "integer", nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedById = table.Column<string>(type: "text", nullable: true),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.CheckConstraint("CK_EvidenceFiles_Size", "\"SizeBytes\" > 0");
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_ProgressReports_ProgressReportId",
                        column: x => x.ProgressReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_Regencies_RegencyId",
                        column: x => x.RegencyId,
                        principalTable: "Regencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportKpiActuals",
                columns: table => new
                {
                    ProgressReportId = table.Column<int>(type: "integer", nullable: false),
                    KpiId = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportKpiActuals", x => new { x.ProgressReportId, x.KpiId });
                    table.ForeignKey(
                        name: "FK_ReportKpiActuals_Kpis_KpiId",
                        column: x => x.KpiId,
                        principalTable: "Kpis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportKpiActuals_ProgressReports_ProgressReportId",
                        column: x => x.ProgressReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessorScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    AssessorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    DimensionId = table.Column<int>(type: "integer", nullable: true),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    EvidenceKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EvidenceFileId = table.Column<int>(type: "integer", nullable: true),
                    EvidenceQuickWinId = table.Column<int>(type: "integer", nullable: true),
                    EvidenceMasterplanBlock = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    InterviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IntervieweeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IntervieweePosition = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InterviewText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessorScores", x => x.Id);
                    table.CheckConstraint("CK_AssessorScores_Score", "\"Score\" >= 0 AND \"Score\" <= 10");
                    table.ForeignKey(
                        name: "FK_AssessorScores_AssessorAssignments_RoundId_RegencyId_Assess~",
                        columns: x => new { x.RoundId, x.RegencyId, x.AssessorId },
                        principalTable: "AssessorAssignments",
                        principalColumns: new[] { "RoundId", "RegencyId", "AssessorId" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessorScores_Criteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "Criteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessorScores_Dimensions_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "Dimensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessorScores_EvidenceFiles_EvidenceFileId",
                        column: x => x.EvidenceFileId,
                        principalTable: "EvidenceFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessorScores_QuickWins_EvidenceQuickWinId",
                        column: x => x.EvidenceQuickWinId,
                        principalTable: "QuickWins",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessorScores_RoundParticipants_RoundId_RegencyId",
                        columns: x => new { x.RoundId, x.RegencyId },
                        principalTable: "RoundParticipants",
                        principalColumns: new[] { "RoundId", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFileContents",
                columns: table => new
                {
                    EvidenceFileId = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFileContents", x => x.EvidenceFileId);
                    table.ForeignKey(
                        name: "FK_EvidenceFileContents_EvidenceFiles_EvidenceFileId",
                        column: x => x.EvidenceFileId,
                        principalTable: "EvidenceFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReconciledScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    DimensionId = table.Column<int>(type: "integer", nullable: true),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    EvidenceKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EvidenceFileId = table.Column<int>(type: "integer", nullable: true),
                    EvidenceQuickWinId = table.Column<int>(type: "integer", nullable: true),
                    EvidenceMasterplanBlock = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    InterviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IntervieweeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IntervieweePosition = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InterviewText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciledScores", x => x.Id);
                    table.CheckConstraint("CK_ReconciledScores_Score", "\"Score\" >= 0 AND \"Score\" <= 10");
                    table.ForeignKey(
                        name: "FK_ReconciledScores_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReconciledScores_Criteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "Criteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReconciledScores_Dimensions_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "Dimensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReconciledScores_EvidenceFiles_EvidenceFileId",
                        column: x => x.EvidenceFileId,
                        principalTable: "EvidenceFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReconciledScores_QuickWins_EvidenceQuickWinId",
                        column: x => x.EvidenceQuickWinId,
                        principalTable: "QuickWins",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReconciledScores_RoundParticipants_RoundId_RegencyId",
                        columns: x => new { x.RoundId, x.RegencyId },
                        principalTable: "RoundParticipants",
                        principalColumns: new[] { "RoundId", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessmentScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    RegencyId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    DimensionId = table.Column<int>(type: "integer", nullable: true),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    EvidenceKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EvidenceFileId = table.Column<int>(type: "integer", nullable: true),
                    EvidenceQuickWinId = table.Column<int>(type: "integer", nullable: true),
                    EvidenceMasterplanBlock = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    InterviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IntervieweeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IntervieweePosition = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InterviewText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessmentScores", x => x.Id);
                    table.CheckConstraint("CK_SelfAssessmentScores_Score", "\"Score\" >= 0 AND \"Score\" <= 10");
                    table.ForeignKey(
                        name: "FK_SelfAssessmentScores_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentScores_Criteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "Criteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentScores_Dimensions_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "Dimensions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentScores_EvidenceFiles_EvidenceFileId",
                        column: x => x.EvidenceFileId,
                        principalTable: "EvidenceFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentScores_QuickWins_EvidenceQuickWinId",
                        column: x => x.EvidenceQuickWinId,
                        principalTable: "QuickWins",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentScores_RoundParticipants_RoundId_RegencyId",
                        columns: x => new { x.RoundId, x.RegencyId },
                        principalTable: "RoundParticipants",
                        principalColumns: new[] { "RoundId", "RegencyId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_RegencyId",
                table: "AspNetUsers",
                column: "RegencyId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRounds_InstrumentId",
                table: "AssessmentRounds",
                column: "InstrumentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRounds_Kind_State_Year",
                table: "AssessmentRounds",
                columns: new[] { "Kind", "State", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessorAssignments_AssessorId_RoundId",
                table: "AssessorAssignments",
                columns: new[] { "AssessorId", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessorScores_AssessorId_RoundId",
                table: "AssessorScores",
                columns: new[] { "AssessorId", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessorScores_CriterionId",
                table: "AssessorScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessorScores_DimensionId",
                table: "AssessorScores",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessorScores_EvidenceFileId",
                table: "AssessorScores",
                column: "EvidenceFileId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessorScores_EvidenceQuickWinId",
                table: "AssessorScores",
                column: "EvidenceQuickWinId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessorScores_RoundId_RegencyId_AssessorId",
                table: "AssessorScores",
                columns: new[] { "RoundId", "RegencyId", "AssessorId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessorScores_RoundId_RegencyId_CriterionId_DimensionId_As~",
                table: "AssessorScores",
                columns: new[] { "RoundId", "RegencyId", "CriterionId", "DimensionId", "AssessorId" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Entity_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "Entity", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredAt",
                table: "AuditEntries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RegencyId_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "RegencyId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "UserId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Bands_InstrumentId_Name",
                table: "Bands",
                columns: new[] { "InstrumentId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictsOfInterest_AssessorId_RegencyId",
                table: "ConflictsOfInterest",
                columns: new[] { "AssessorId", "RegencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictsOfInterest_RegencyId",
                table: "ConflictsOfInterest",
                column: "RegencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Criteria_InstrumentId_Code",
                table: "Criteria",
                columns: new[] { "InstrumentId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dimensions_Code",
                table: "Dimensions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DimensionStrategies_DimensionId",
                table: "DimensionStrategies",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_DimensionStrategies_MasterplanId_DimensionId",
                table: "DimensionStrategies",
                columns: new[] { "MasterplanId", "DimensionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DimensionStrategies_MasterplanId_RegencyId",
                table: "DimensionStrategies",
                columns: new[] { "MasterplanId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Elements_Code",
                table: "Elements",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Elements_DimensionId",
                table: "Elements",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_ProgressReportId",
                table: "EvidenceFiles",
                column: "ProgressReportId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_RegencyId_UploadedAt",
                table: "EvidenceFiles",
                columns: new[] { "RegencyId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_UploadedById",
                table: "EvidenceFiles",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_GovernmentUnits_RegencyId_Name",
                table: "GovernmentUnits",
                columns: new[] { "RegencyId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_IsTemplate_Kind",
                table: "Instruments",
                columns: new[] { "IsTemplate", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_SourceInstrumentId",
                table: "Instruments",
                column: "SourceInstrumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Kpis_QuickWinId",
                table: "Kpis",
                column: "QuickWinId");

            migrationBuilder.CreateIndex(
                name: "IX_Kpis_QuickWinId_RegencyId",
                table: "Kpis",
                columns: new[] { "QuickWinId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_MasterplanGoals_DimensionId",
                table: "MasterplanGoals",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_MasterplanGoals_MasterplanId_DimensionId",
                table: "MasterplanGoals",
                columns: new[] { "MasterplanId", "DimensionId" });

            migrationBuilder.CreateIndex(
                name: "IX_MasterplanGoals_MasterplanId_RegencyId",
                table: "MasterplanGoals",
                columns: new[] { "MasterplanId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Masterplans_RegencyId_StartYear_EndYear",
                table: "Masterplans",
                columns: new[] { "RegencyId", "StartYear", "EndYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Masterplans_State",
                table: "Masterplans",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_MasterplanVersions_ApprovedById",
                table: "MasterplanVersions",
                column: "ApprovedById");

            migrationBuilder.CreateIndex(
                name: "IX_MasterplanVersions_MasterplanId_Number",
                table: "MasterplanVersions",
                columns: new[] { "MasterplanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MasterplanVersions_MasterplanId_RegencyId",
                table: "MasterplanVersions",
                columns: new[] { "MasterplanId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_MasterplanVersions_SubmittedById",
                table: "MasterplanVersions",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_QuickWinId",
                table: "Milestones",
                column: "QuickWinId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_QuickWinId_RegencyId",
                table: "Milestones",
                columns: new[] { "QuickWinId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeKpis_ProgrammeId_RegencyId",
                table: "ProgrammeKpis",
                columns: new[] { "ProgrammeId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_DimensionId",
                table: "Programmes",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_ElementId_DimensionId",
                table: "Programmes",
                columns: new[] { "ElementId", "DimensionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_GoalId_MasterplanId",
                table: "Programmes",
                columns: new[] { "GoalId", "MasterplanId" });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_MasterplanId_DimensionId",
                table: "Programmes",
                columns: new[] { "MasterplanId", "DimensionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_MasterplanId_RegencyId",
                table: "Programmes",
                columns: new[] { "MasterplanId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_OwnerUnitId_RegencyId",
                table: "Programmes",
                columns: new[] { "OwnerUnitId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_AuthorId",
                table: "ProgressReports",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_QuickWinId_Period",
                table: "ProgressReports",
                columns: new[] { "QuickWinId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_QuickWinId_RegencyId",
                table: "ProgressReports",
                columns: new[] { "QuickWinId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_QuickWinId_State_Period",
                table: "ProgressReports",
                columns: new[] { "QuickWinId", "State", "Period" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_RegencyId_State_Period",
                table: "ProgressReports",
                columns: new[] { "RegencyId", "State", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_VerifiedById",
                table: "ProgressReports",
                column: "VerifiedById");

            migrationBuilder.CreateIndex(
                name: "IX_Provinces_Code",
                table: "Provinces",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuickWins_DimensionId",
                table: "QuickWins",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_QuickWins_ElementId_DimensionId",
                table: "QuickWins",
                columns: new[] { "ElementId", "DimensionId" });

            migrationBuilder.CreateIndex(
                name: "IX_QuickWins_OwnerUnitId",
                table: "QuickWins",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_QuickWins_OwnerUnitId_RegencyId",
                table: "QuickWins",
                columns: new[] { "OwnerUnitId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_QuickWins_ProgrammeId",
                table: "QuickWins",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_QuickWins_ProgrammeId_RegencyId",
                table: "QuickWins",
                columns: new[] { "ProgrammeId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_QuickWins_RegencyId_IsArchived_DimensionId",
                table: "QuickWins",
                columns: new[] { "RegencyId", "IsArchived", "DimensionId" });

            migrationBuilder.CreateIndex(
                name: "IX_QuickWins_RegencyId_Status",
                table: "QuickWins",
                columns: new[] { "RegencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReadinessRatings_ElementId",
                table: "ReadinessRatings",
                column: "ElementId");

            migrationBuilder.CreateIndex(
                name: "IX_ReadinessRatings_MasterplanId_ElementId_Component",
                table: "ReadinessRatings",
                columns: new[] { "MasterplanId", "ElementId", "Component" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "IX_ReadinessRatings_MasterplanId_RegencyId",
                table: "ReadinessRatings",
                columns: new[] { "MasterplanId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciledScores_CriterionId",
                table: "ReconciledScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconciledScores_DimensionId",
                table: "ReconciledScores",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconciledScores_EvidenceFileId",
                table: "ReconciledScores",
                column: "EvidenceFileId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconciledScores_EvidenceQuickWinId",
                table: "ReconciledScores",
                column: "EvidenceQuickWinId");

            migrationBuilder.CreateIndex(
                name: "IX_ReconciledScores_RecordedById",
                table: "ReconciledScores",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_ReconciledScores_RoundId_RegencyId_CriterionId_DimensionId",
                table: "ReconciledScores",
                columns: new[] { "RoundId", "RegencyId", "CriterionId", "DimensionId" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "IX_Regencies_Code",
                table: "Regencies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regencies_CohortYear",
                table: "Regencies",
                column: "CohortYear");

            migrationBuilder.CreateIndex(
                name: "IX_Regencies_Name",
                table: "Regencies",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Regencies_ProvinceId_Kind",
                table: "Regencies",
                columns: new[] { "ProvinceId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Regencies_SuccessorId",
                table: "Regencies",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportKpiActuals_KpiId",
                table: "ReportKpiActuals",
                column: "KpiId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultComments_AuthorId",
                table: "ResultComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultComments_CriterionId",
                table: "ResultComments",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultComments_RoundId_RegencyId",
                table: "ResultComments",
                columns: new[] { "RoundId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewComments_AuthorId",
                table: "ReviewComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewComments_MasterplanId_RegencyId",
                table: "ReviewComments",
                columns: new[] { "MasterplanId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewComments_MasterplanId_ResolvedAt",
                table: "ReviewComments",
                columns: new[] { "MasterplanId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewComments_ParentId",
                table: "ReviewComments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewComments_ResolvedById",
                table: "ReviewComments",
                column: "ResolvedById");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_RegencyId",
                table: "RoundParticipants",
                column: "RegencyId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_SelfAssessmentSubmittedById",
                table: "RoundParticipants",
                column: "SelfAssessmentSubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentScores_AuthorId",
                table: "SelfAssessmentScores",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentScores_CriterionId",
                table: "SelfAssessmentScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentScores_DimensionId",
                table: "SelfAssessmentScores",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentScores_EvidenceFileId",
                table: "SelfAssessmentScores",
                column: "EvidenceFileId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentScores_EvidenceQuickWinId",
                table: "SelfAssessmentScores",
                column: "EvidenceQuickWinId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentScores_RoundId_RegencyId_CriterionId_Dimensio~",
                table: "SelfAssessmentScores",
                columns: new[] { "RoundId", "RegencyId", "CriterionId", "DimensionId" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "IX_Signatories_MasterplanId_RegencyId",
                table: "Signatories",
                columns: new[] { "MasterplanId", "RegencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_StageChanges_RegencyId_Date",
                table: "StageChanges",
                columns: new[] { "RegencyId", "Date" });

            // The audit trail is append-only, enforced by the database and not only by the UI.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditEntries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_append_only ON \"AuditEntries\"; DROP FUNCTION IF EXISTS refuse_audit_change();");
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AssessorScores");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Bands");

            migrationBuilder.DropTable(
                name: "ConflictsOfInterest");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DimensionStrategies");

            migrationBuilder.DropTable(
                name: "EvidenceFileContents");

            migrationBuilder.DropTable(
                name: "MasterplanVersions");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "ProgrammeKpis");

            migrationBuilder.DropTable(
                name: "ReadinessRatings");

            migrationBuilder.DropTable(
                name: "ReconciledScores");

            migrationBuilder.DropTable(
                name: "ReportKpiActuals");

            migrationBuilder.DropTable(
                name: "ResultComments");

            migrationBuilder.DropTable(
                name: "ReviewComments");

            migrationBuilder.DropTable(
                name: "SelfAssessmentScores");

            migrationBuilder.DropTable(
                name: "Settings");

            migrationBuilder.DropTable(
                name: "Signatories");

            migrationBuilder.DropTable(
                name: "StageChanges");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AssessorAssignments");

            migrationBuilder.DropTable(
                name: "Kpis");

            migrationBuilder.DropTable(
                name: "Criteria");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "RoundParticipants");

            migrationBuilder.DropTable(
                name: "ProgressReports");

            migrationBuilder.DropTable(
                name: "AssessmentRounds");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "QuickWins");

            migrationBuilder.DropTable(
                name: "Instruments");

            migrationBuilder.DropTable(
                name: "Programmes");

            migrationBuilder.DropTable(
                name: "Elements");

            migrationBuilder.DropTable(
                name: "GovernmentUnits");

            migrationBuilder.DropTable(
                name: "MasterplanGoals");

            migrationBuilder.DropTable(
                name: "Dimensions");

            migrationBuilder.DropTable(
                name: "Masterplans");

            migrationBuilder.DropTable(
                name: "Regencies");

            migrationBuilder.DropTable(
                name: "Provinces");

            migrationBuilder.DropSequence(
                name: "EntityFrameworkHiLoSequence");
        }
    }
}
