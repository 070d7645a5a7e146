using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Assessments;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>
/// Instruments: templates are versioned (editing one saves a new version, the old one stays so earlier copies never change);
/// a round owns its copy, edited by the admin while the round is a draft.
/// </summary>
public sealed class InstrumentService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, IValidator<InstrumentInput> validator, IStringLocalizer<SharedResource> l)
{
    /// <summary>Every template version, newest first per name; <see cref="TemplateRow.IsLatest"/> marks the one to copy by default.</summary>
    public async Task<IReadOnlyList<TemplateRow>> ListTemplatesAsync(CancellationToken ct = default)
    {
        access.EnsureNational("instrument templates");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Instruments.AsNoTracking().Where(i => i.IsTemplate)
            .Select(i => new { i.Id, i.Name, i.Kind, i.VersionNumber, Criteria = i.Criteria.Count, Total = i.Criteria.Sum(c => c.Weight) })
            .ToListAsync(ct);
        var latest = rows.GroupBy(r => (r.Kind, r.Name)).Select(g => g.MaxBy(r => r.VersionNumber)!.Id).ToHashSet();
        return rows.OrderBy(r => r.Kind).ThenBy(r => r.Name).ThenByDescending(r => r.VersionNumber)
            .Select(r => new TemplateRow(r.Id, r.Name, r.Kind, r.VersionNumber, r.Criteria, r.Total, latest.Contains(r.Id)))
            .ToList();
    }

    public async Task<InstrumentDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        access.EnsureNational($"instrument {id}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Instruments.AnyAsync(i => i.Id == id, ct) ? await LoadAsync(db, id, ct) : null;
    }

    /// <summary>Saves an edited template as a new version (VersionNumber + 1 of its name and kind); the old version is kept unchanged.</summary>
    public async Task<SaveResult> SaveTemplateAsNewVersionAsync(int templateId, InstrumentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        access.EnsureAdmin($"instrument template {templateId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.Instruments.AsNoTracking().SingleOrDefaultAsync(i => i.Id == templateId && i.IsTemplate, ct)
            ?? throw new KeyNotFoundException($"Template {templateId}");
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        var name = input.Name.Trim();
        var last = await db.Instruments.Where(i => i.IsTemplate && i.Kind == source.Kind && (i.Name == source.Name || i.Name == name))
            .MaxAsync(i => i.VersionNumber, ct);
        var template = new Instrument { Name = name, Kind = source.Kind, IsTemplate = true, VersionNumber = last + 1 };
        Apply(template, input);
        db.Instruments.Add(template);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(template.Id, template.Version);
    }

    /// <summary>Replaces the scale, threshold, criteria and bands of a draft round's own instrument copy.</summary>
    public async Task<SaveResult> SaveRoundInstrumentAsync(int roundId, InstrumentInput input, bool overwrite = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        access.EnsureAdmin($"instrument of assessment round {roundId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.AssessmentRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new KeyNotFoundException($"Round {roundId}");
        if (round.State != RoundState.Draft)
        {
            return SaveResult.Invalid(nameof(InstrumentInput.Criteria), l["Round.NotDraft"]);
        }

        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        var instrumentId = round.InstrumentId;
        var instrument = await db.Instruments.Include(i => i.Criteria).Include(i => i.Bands).AsSplitQuery().SingleAsync(i => i.Id == instrumentId, ct);
        if (!overwrite && instrument.Version != input.Version)
        {
            return SaveResult.Conflicted(await ConflictAsync(db, instrumentId, input, ct));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);

                // Replace in two steps: the old codes go before the new ones arrive (unique per instrument).
                db.Entry(instrument).Property(i => i.Version).OriginalValue = overwrite ? instrument.Version : input.Version;
                instrument.Name = input.Name.Trim();
                db.Entry(instrument).Property(i => i.Name).IsModified = true;
                instrument.ScaleMin = input.ScaleMin!.Value;
                instrument.ScaleMax = input.ScaleMax!.Value;
                instrument.DivergenceThreshold = input.DivergenceThreshold!.Value;
                db.Criteria.RemoveRange(instrument.Criteria);
                db.Bands.RemoveRange(instrument.Bands);
                await db.SaveChangesAsync(ct);
                instrument.Criteria.Clear();
                instrument.Bands.Clear();
                AddParts(instrument, input);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return SaveResult.Conflicted(await ConflictAsync(fresh, instrumentId, input, ct));
        }

        return SaveResult.Saved(instrument.Id, instrument.Version);
    }

    /// <summary>What makes an instrument unusable for an opened round (the same rules as the validator), as messages.</summary>
    internal static IEnumerable<string> Problems(InstrumentDetail instrument, IStringLocalizer<SharedResource> l)
    {
        if (instrument.Criteria.Count == 0)
        {
            yield return l["Instrument.NoCriteria"];
        }
        else if (!Scoring.WeightsTotal100(instrument.Criteria.Select(c => c.Weight)))
        {
            yield return string.Format(CultureInfo.CurrentCulture, l["Instrument.WeightsTotal"], instrument.TotalWeight.ToString("0.##", CultureInfo.CurrentCulture));
        }

        if (instrument.ScaleMin >= instrument.ScaleMax)
        {
            yield return l["Instrument.ScaleOrder"];
        }

        if (instrument.DivergenceThreshold <= 0)
        {
            yield return l["Instrument.ThresholdPositive"];
        }

        if (instrument.Bands.Count == 0)
        {
            yield return l["Instrument.NoBands"];
        }
        else if (!InstrumentInputValidator.BandsFit(
                     instrument.Bands.Select(b => new BandInput { Name = b.Name, MinInclusive = b.MinInclusive, MaxExclusive = b.MaxExclusive }), instrument.ScaleMax))
        {
            yield return l["Instrument.BandsOverlap"];
        }
    }

    /// <summary>An independent copy for a round: criteria and bands copied, remembering its source.</summary>
    internal static Instrument CopyOf(Instrument template) => new()
    {
        Name = template.Name,
        Kind = template.Kind,
        VersionNumber = template.VersionNumber,
        ScaleMin = template.ScaleMin,
        ScaleMax = template.ScaleMax,
        DivergenceThreshold = template.DivergenceThreshold,
        IsTemplate = false,
        SourceInstrumentId = template.Id,
        Criteria = template.Criteria.Select(c => new Criterion
        {
            Code = c.Code,
            NameId = c.NameId,
            NameEn = c.NameEn,
            Weight = c.Weight,
            PerDimension = c.PerDimension,
            SortOrder = c.SortOrder,
        }).ToList(),
        Bands = template.Bands.Select(b => new Band { Name = b.Name, MinInclusive = b.MinInclusive, MaxExclusive = b.MaxExclusive, SortOrder = b.SortOrder }).ToList(),
    };

    internal static async Task<InstrumentDetail> LoadAsync(SmartCityDbContext db, int id, CancellationToken ct)
    {
        var instrument = await db.Instruments.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new
            {
                i.Id,
                i.Name,
                i.Kind,
                i.VersionNumber,
                i.IsTemplate,
                i.SourceInstrumentId,
                i.ScaleMin,
                i.ScaleMax,
                i.DivergenceThreshold,
                i.Version,
                Criteria = i.Criteria.OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
                    .Select(c => new CriterionRow(c.Id, c.Code, c.NameId, c.NameEn, c.Weight, c.PerDimension, c.SortOrder)).ToList(),
                Bands = i.Bands.OrderByDescending(b => b.MinInclusive)
                    .Select(b => new BandRow(b.Id, b.Name, b.MinInclusive, b.MaxExclusive, b.SortOrder)).ToList(),
            })
            .AsSplitQuery()
            .SingleAsync(ct);
        return new InstrumentDetail(
            instrument.Id, instrument.Name, instrument.Kind, instrument.VersionNumber, instrument.IsTemplate, instrument.SourceInstrumentId,
            instrument.ScaleMin, instrument.ScaleMax, instrument.DivergenceThreshold, instrument.Version, instrument.Criteria, instrument.Bands);
    }

    private static void Apply(Instrument instrument, InstrumentInput input)
    {
        instrument.ScaleMin = input.ScaleMin!.Value;
        instrument.ScaleMax = input.ScaleMax!.Value;
        instrument.DivergenceThreshold = input.DivergenceThreshold!.Value;
        AddParts(instrument, input);
    }

    private static void AddParts(Instrument instrument, InstrumentInput input)
    {
        var order = 0;
        foreach (var c in input.Criteria)
        {
            instrument.Criteria.Add(new Criterion
            {
                Code = c.Code.Trim(),
                NameId = c.NameId.Trim(),
                NameEn = c.NameEn.Trim(),
                Weight = c.Weight!.Value,
                PerDimension = c.PerDimension,
                SortOrder = ++order,
            });
        }

        order = 0;
        foreach (var b in input.Bands.OrderByDescending(b => b.MinInclusive))
        {
            instrument.Bands.Add(new Band { Name = b.Name.Trim(), MinInclusive = b.MinInclusive!.Value, MaxExclusive = b.MaxExclusive, SortOrder = ++order });
        }
    }

    private async Task<ConcurrencyConflict> ConflictAsync(SmartCityDbContext db, int instrumentId, InstrumentInput yours, CancellationToken ct)
    {
        var saved = await LoadAsync(db, instrumentId, ct);
        var (changedBy, changedAt) = await db.LastChangeAsync(nameof(Instrument), instrumentId.ToString(CultureInfo.InvariantCulture), ct);
        static string N(decimal? d) => d?.ToString("0.##", CultureInfo.CurrentCulture) ?? "";
        var differences = new Differences()
            .Add(l["Instrument.Name"], yours.Name, saved.Name)
            .Add(l["Instrument.ScaleMin"], N(yours.ScaleMin), N(saved.ScaleMin))
            .Add(l["Instrument.ScaleMax"], N(yours.ScaleMax), N(saved.ScaleMax))
            .Add(l["Instrument.Threshold"], N(yours.DivergenceThreshold), N(saved.DivergenceThreshold))
            .Add(l["Instrument.Criteria"], string.Join("; ", yours.Criteria.Select(c => $"{c.Code.Trim()} {N(c.Weight)}")), string.Join("; ", saved.Criteria.Select(c => $"{c.Code} {N(c.Weight)}")))
            .Add(l["Instrument.Bands"], string.Join("; ", yours.Bands.OrderByDescending(b => b.MinInclusive).Select(b => $"{b.Name.Trim()} {N(b.MinInclusive)}–{N(b.MaxExclusive)}")), string.Join("; ", saved.Bands.Select(b => $"{b.Name} {N(b.MinInclusive)}–{N(b.MaxExclusive)}")));
        return new ConcurrencyConflict(differences.Items, changedBy, changedAt, saved.Version);
    }
}
