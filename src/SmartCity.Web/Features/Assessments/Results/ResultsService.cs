using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>
/// Results of a round (DOMAIN.md "Evaluation rounds"): per participant the criterion scores, index, six dimension scores, band,
/// national and provincial rank and change. National roles read every row; a regency user only their regency's row, and only
/// when it takes part. Regency users comment per criterion until the round is finalised.
/// </summary>
public sealed class ResultsService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, ProgrammeClock clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxComment = TextLimits.Note;

    /// <summary>The round's results for the rows the user may read; null for an unknown round. Four SQL commands.</summary>
    public async Task<RoundResults?> ComputeAsync(int roundId, CancellationToken ct = default)
    {
        access.EnsureSignedIn("assessment results");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await ResultsComputation.LoadAsync(db, roundId, Today, ct);
        if (loaded is null)
        {
            return null;
        }

        IReadOnlyList<ParticipantResult> visible;
        if (access.IsNational)
        {
            visible = loaded.Participants;
        }
        else
        {
            var own = access.OwnRegencyId;
            visible = loaded.Participants.Where(p => p.RegencyId == own).ToList();
            access.EnsureAllowed(own is not null && visible.Count == 1, "read the results", $"assessment round {roundId}");
        }

        return new RoundResults(loaded.Round, loaded.Criteria, loaded.Dimensions, visible, loaded.Participants.Count, loaded.PreviousRoundName);
    }

    /// <summary>One page of the results table (filter, sort and paging over the computed rows).</summary>
    public async Task<ResultPage?> PageAsync(int roundId, ResultQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var results = await ComputeAsync(roundId, ct);
        if (results is null)
        {
            return null;
        }

        var provinces = results.Participants.GroupBy(p => p.ProvinceId).Select(g => (g.Key, g.First().ProvinceName)).OrderBy(p => p.ProvinceName).ToList();
        IEnumerable<ParticipantResult> rows = results.Participants;
        if (query.ProvinceId is { } province)
        {
            rows = rows.Where(p => p.ProvinceId == province);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            rows = rows.Where(p => p.RegencyName.Contains(term, StringComparison.OrdinalIgnoreCase) || p.RegencyCode.StartsWith(term, StringComparison.Ordinal));
        }

        rows = query.Sort switch
        {
            ResultSort.Regency => Order(rows, p => p.RegencyName, query.Descending),
            ResultSort.Province => Order(rows, p => p.ProvinceName, query.Descending).ThenBy(p => p.RegencyName, StringComparer.Ordinal),
            ResultSort.Index => Order(rows, p => p.Index ?? decimal.MinValue, query.Descending).ThenBy(p => p.RegencyCode, StringComparer.Ordinal),
            ResultSort.Change => Order(rows, p => p.Change ?? decimal.MinValue, query.Descending).ThenBy(p => p.RegencyCode, StringComparer.Ordinal),
            _ => Order(rows, p => p.NationalRank ?? int.MaxValue, query.Descending).ThenBy(p => p.RegencyCode, StringComparer.Ordinal),
        };
        var filtered = rows.ToList();
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = filtered.Skip(Math.Max(0, query.Page) * size).Take(size).ToList();
        return new ResultPage(results, page, filtered.Count, provinces);
    }

    /// <summary>The comments on a participant's criteria (readers of its results).</summary>
    public async Task<IReadOnlyList<ResultCommentRow>> CommentsAsync(int roundId, int regencyId, CancellationToken ct = default)
    {
        access.EnsureCanRead(regencyId, "result comments");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
            from c in db.ResultComments.AsNoTracking()
            where c.RoundId == roundId && c.RegencyId == regencyId
            join u in db.Users on c.AuthorId equals u.Id into authors
            from a in authors.DefaultIfEmpty()
            orderby c.CreatedAt
            select new ResultCommentRow(c.Id, c.CriterionId, c.Text, a == null ? null : a.FullName, c.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>A regency user comments a criterion of their own regency's result, before the round is finalised.</summary>
    public async Task<SaveResult> CommentAsync(int roundId, int regencyId, int criterionId, string? text, CancellationToken ct = default)
    {
        access.EnsureAllowed(access.OwnRegencyId == regencyId, "comment the results", $"round {roundId} of regency {regencyId}");
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return SaveResult.Invalid("Text", l["Results.CommentRequired"]);
        }

        if (text.Length > MaxComment)
        {
            return SaveResult.Invalid("Text", string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Results.CommentTooLong"], MaxComment));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.AssessmentRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { r.State, r.SelfAssessmentOpensOn, r.ScoringOpensOn, r.ReconciliationOpensOn, r.InstrumentId }).SingleOrDefaultAsync(ct);
        if (round is null || !await db.RoundParticipants.AnyAsync(p => p.RoundId == roundId && p.RegencyId == regencyId, ct))
        {
            access.EnsureAllowed(false, "comment the results", $"round {roundId} of regency {regencyId}");
        }

        if (round!.State == RoundState.Finalised)
        {
            return SaveResult.Invalid("Text", l["Results.Finalised"]);
        }

        if (RoundCalendar.StateOn(round.State, round.SelfAssessmentOpensOn, round.ScoringOpensOn, round.ReconciliationOpensOn, Today) == RoundState.Draft)
        {
            return SaveResult.Invalid("Text", l["Results.NotOpen"]);
        }

        if (!await db.Criteria.AnyAsync(c => c.Id == criterionId && c.InstrumentId == round.InstrumentId, ct))
        {
            return SaveResult.Invalid("CriterionId", l["Results.UnknownCriterion"]);
        }

        var comment = new ResultComment
        {
            RoundId = roundId,
            RegencyId = regencyId,
            CriterionId = criterionId,
            Text = text,
            AuthorId = access.UserId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ResultComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(comment.Id, 0);
    }

    private DateOnly Today => clock.GetUtcNow().DateIn(IndonesianTimeZone.Wib);

    private static IOrderedEnumerable<ParticipantResult> Order<TKey>(IEnumerable<ParticipantResult> rows, Func<ParticipantResult, TKey> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
}
