using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.Domain.Regencies;

namespace SmartCity.Web.Features.PublicPages;

/// <summary>Filters of the public regency index and <c>GET /api/v1/regencies</c>. <c>Page</c> is 1-based.</summary>
public sealed record PublicRegencyQuery(
    string? Search = null, string? ProvinceCode = null, RegencyKind? Kind = null, int Page = 1, int PageSize = PublishedDataService.DefaultPageSize);

public sealed record PublicProvince(string Code, string Name);

/// <summary>A row of the public regency index: reference data and programme membership, nothing else.</summary>
public sealed record PublicRegencyRow(
    string Code, string Name, RegencyKind Kind, string ProvinceCode, string ProvinceName, int? CohortYear, ProgrammeStage? Stage, bool IsActive);

/// <summary>A regency's public profile; an inactive code still resolves and names its successor when known.</summary>
public sealed record PublicRegencyProfile(
    string Code, string Name, RegencyKind Kind, string ProvinceCode, string ProvinceName, IndonesianTimeZone TimeZone,
    int? CohortYear, ProgrammeStage? Stage, bool IsActive, DateOnly? ValidUntil, string? SuccessorCode, string? SuccessorName);

/// <summary>
/// A registered (not archived) quick win as published: progress is the percent of the latest VERIFIED report (0 before any),
/// with the period and verification date of that report as the formula's terms. No verifier, author or evidence.
/// </summary>
public sealed record PublicQuickWin(
    int Id, string Name, string? Acronym, string DimensionCode, string? OwnerUnit, DateOnly StartDate, DateOnly TargetDate,
    QuickWinStatus Status, bool IsDelayed, decimal ProgressPercent, string? ProgressPeriod, DateOnly? ProgressVerifiedOn);

/// <summary>A programme of the approved masterplan.</summary>
public sealed record PublicProgramme(string Name, string DimensionCode, string? OwnerUnit, Horizon Horizon, int StartYear, int EndYear);

/// <summary>
/// The approved version of a regency's masterplan (never a draft, nor the working copy of an amendment): period, vision,
/// missions and programmes per dimension. No signatories, comments or reviewers.
/// </summary>
public sealed record PublicMasterplan(
    string Title, int StartYear, int EndYear, int Version, DateOnly? ApprovedOn, string? Vision, string? Missions,
    IReadOnlyList<PublicProgramme> Programmes);

/// <summary>A finalised round (the published ones).</summary>
public sealed record PublicRound(int Id, string Name, RoundKind Kind, int Year, DateOnly? FinalisedOn, bool IsDemo, int Participants);

/// <summary>One regency's stored result in a finalised round: index (two decimals), band, national and provincial rank.</summary>
public sealed record PublicResult(
    int RoundId, string RoundName, RoundKind Kind, int Year, bool IsDemo, decimal? Index, string? Band, int? NationalRank, int? ProvincialRank,
    int Participants, decimal? Change);

/// <summary>A row of a finalised round's results.</summary>
public sealed record PublicResultRow(
    string Code, string Name, string ProvinceCode, string ProvinceName, decimal? Index, string? Band, int? NationalRank, int? ProvincialRank, decimal? Change);

/// <summary>Everything the public regency page shows (four SQL commands).</summary>
public sealed record PublicRegencyData(
    PublicRegencyProfile Profile, IReadOnlyList<PublicQuickWin> QuickWins, PublicMasterplan? Masterplan, IReadOnlyList<PublicResult> Results);
