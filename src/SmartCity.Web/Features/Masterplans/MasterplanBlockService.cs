using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Masterplans;

/// <summary>
/// The editor's blocks other than programmes: text blocks (analysis, vision, strategies) with their autosaved drafts,
/// the readiness grid, goals and signatories. Only the regency's planners, only while the state allows editing.
/// Text blocks and the grid compare with what the planner loaded, so two planners on different blocks never conflict.
/// </summary>
public sealed class MasterplanBlockService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, IStringLocalizer<SharedResource> l, ProgrammeClock clock,
    TextBlockInputValidator textValidator, ReadinessInputValidator readinessValidator, GoalInputValidator goalValidator, SignatoryInputValidator signatoryValidator)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Keeps the planner's typing of one text block (not audited, not applied); called every few seconds while typing.</summary>
    public async Task<SaveResult> SaveDraftAsync(int id, TextBlockInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadEditableAsync(db, id, tracked: false, ct);
        var validation = await textValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        var userId = access.UserId!;
        var content = JsonSerializer.Serialize(input.Fields, Json);
        for (var attempt = 0; ; attempt++)
        {
            var draft = await db.MasterplanDrafts.SingleOrDefaultAsync(d => d.MasterplanId == id && d.UserId == userId && d.Block == input.Block, ct);
            if (draft is null)
            {
                draft = new MasterplanDraft { RegencyId = plan.RegencyId, MasterplanId = id, UserId = userId, Block = input.Block, Content = content };
                db.MasterplanDrafts.Add(draft);
            }

            draft.Content = content;
            draft.BaseVersion = input.Version;
            draft.SavedAt = clock.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(ct);
                return SaveResult.Saved(draft.Id, input.Version);
            }
            catch (DbUpdateException e) when (attempt == 0 && e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Two autosaves of the same block raced (two tabs): the second updates the row the first inserted.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Throws the planner's autosaved text of a block away.</summary>
    public async Task DiscardDraftAsync(int id, string block, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Masterplans.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new KeyNotFoundException($"Masterplan {id}");
        access.EnsureCanWrite(plan.RegencyId, RegencyWrite.Masterplans, $"masterplan {id}");
        var userId = access.UserId!;
        await db.MasterplanDrafts.Where(d => d.MasterplanId == id && d.UserId == userId && d.Block == block).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Applies a text block: one audited change for the whole editing session; the planner's draft of the block goes with it.
    /// Conflicts only when someone else changed one of this block's texts since the planner loaded them.
    /// </summary>
    public async Task<SaveResult> SaveTextAsync(int id, TextBlockInput input, bool overwrite = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadEditableAsync(db, id, tracked: true, ct);
        var validation = await textValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        // Only the fields the planner sent: a field left out is not cleared (and cannot conflict).
        var fields = TextBlocks.FieldsOf(input.Block).Keys.Where(input.Fields.ContainsKey).ToList();
        string? Yours(string field) => input.Fields.TryGetValue(field, out var text) ? Clean(text) : null;
        string? Loaded(string field) => input.Base.TryGetValue(field, out var text) ? Clean(text) : null;
        var userId = access.UserId!;
        var draft = await db.MasterplanDrafts.Where(d => d.MasterplanId == id && d.UserId == userId && d.Block == input.Block).ToListAsync(ct);
        db.MasterplanDrafts.RemoveRange(draft);

        if (TextBlocks.DimensionOf(input.Block) is { } code)
        {
            var dimension = await db.Dimensions.AsNoTracking().Where(d => d.Code == code).Select(d => d.Id).SingleAsync(ct);
            var strategy = await db.DimensionStrategies.SingleOrDefaultAsync(s => s.MasterplanId == id && s.DimensionId == dimension, ct);
            if (!overwrite && strategy is not null && strategy.Version != input.Version && !Same(strategy.Text, Loaded(TextBlocks.Strategy)))
            {
                return SaveResult.Conflicted(await TextConflictAsync(db, nameof(DimensionStrategy), strategy.Id, [(TextBlocks.Strategy, Yours(TextBlocks.Strategy), strategy.Text)], strategy.Version, ct));
            }

            if (strategy is null)
            {
                strategy = new DimensionStrategy { RegencyId = plan.RegencyId, MasterplanId = id, DimensionId = dimension, Text = "" };
                db.DimensionStrategies.Add(strategy);
            }

            strategy.Text = Yours(TextBlocks.Strategy) ?? "";
            return await SaveAsync(
                db, strategy.Id, () => strategy.Version,
                async fresh =>
                {
                    var saved = await fresh.DimensionStrategies.AsNoTracking().SingleAsync(s => s.MasterplanId == id && s.DimensionId == dimension, ct);
                    return await TextConflictAsync(fresh, nameof(DimensionStrategy), saved.Id, [(TextBlocks.Strategy, Yours(TextBlocks.Strategy), saved.Text)], saved.Version, ct);
                },
                ct);
        }

        var current = fields.ToDictionary(f => f, f => TextOf(plan, f));
        var changedByOthers = fields.Where(f => !Same(current[f], Loaded(f))).ToList();
        if (!overwrite && plan.Version != input.Version && changedByOthers.Count > 0)
        {
            return SaveResult.Conflicted(await TextConflictAsync(db, nameof(Masterplan), plan.Id, changedByOthers.Select(f => (f, Yours(f), current[f])).ToList(), plan.Version, ct));
        }

        foreach (var field in fields)
        {
            SetText(plan, field, Yours(field));
        }

        plan.UpdatedAt = clock.GetUtcNow();
        return await SaveAsync(
            db, plan.Id, () => plan.Version,
            async fresh =>
            {
                var saved = await fresh.Masterplans.AsNoTracking().SingleAsync(m => m.Id == id, ct);
                return await TextConflictAsync(fresh, nameof(Masterplan), id, fields.Select(f => (f, Yours(f), TextOf(saved, f))).ToList(), saved.Version, ct);
            },
            ct);
    }

    /// <summary>Saves the readiness grid; a conflict lists the components someone else changed since the planner loaded the grid.</summary>
    public async Task<SaveResult> SaveReadinessAsync(int id, ReadinessInput input, bool overwrite = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadEditableAsync(db, id, tracked: false, ct);
        var validation = await readinessValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        var rows = await db.ReadinessRatings.Where(r => r.MasterplanId == id && r.ElementId == null).ToListAsync(ct);
        var differences = new Differences();
        // Three-way: only cells the planner changed from what they loaded count; the others keep whatever is saved now.
        var touched = input.Cells.Where(cell => input.Base.FirstOrDefault(b => b.Component == cell.Component) is not { } loaded
            || loaded.Grade != cell.Grade || !Same(Clean(loaded.Notes), Clean(cell.Notes))).ToList();
        foreach (var cell in touched)
        {
            var row = rows.FirstOrDefault(r => r.Component == cell.Component);
            var loaded = input.Base.FirstOrDefault(b => b.Component == cell.Component);
            var savedGrade = row?.Grade;
            var savedNotes = Clean(row?.Notes);
            var changedByOthers = savedGrade != loaded?.Grade || !Same(savedNotes, Clean(loaded?.Notes));
            if (!overwrite && changedByOthers && (cell.Grade != savedGrade || !Same(Clean(cell.Notes), savedNotes)))
            {
                differences.Add(l.Enum(cell.Component), Describe(cell.Grade, cell.Notes), Describe(savedGrade, savedNotes));
            }
        }

        if (differences.Items.Count > 0)
        {
            var (changedBy, changedAt) = await db.LastChangeAsync(nameof(ReadinessRating), null, ct);
            return SaveResult.Conflicted(new ConcurrencyConflict(differences.Items, changedBy, changedAt, 0));
        }

        foreach (var cell in touched)
        {
            var row = rows.FirstOrDefault(r => r.Component == cell.Component);
            if (row is null)
            {
                row = new ReadinessRating { RegencyId = plan.RegencyId, MasterplanId = id, Component = cell.Component };
                db.ReadinessRatings.Add(row);
            }

            row.Grade = cell.Grade;
            row.Notes = Clean(cell.Notes);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(id, 0);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } })
        {
            var (changedBy, changedAt) = await db.LastChangeAsync(nameof(ReadinessRating), null, ct);
            return SaveResult.Conflicted(new ConcurrencyConflict([new FieldDifference(l["Masterplan.Readiness"], null, null)], changedBy, changedAt, 0));
        }
    }

    /// <summary>Adds (<paramref name="goalId"/> null) or edits a goal of one dimension.</summary>
    public async Task<SaveResult> SaveGoalAsync(int id, int? goalId, GoalInput input, bool overwrite = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadEditableAsync(db, id, tracked: false, ct);
        var validation = await goalValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        if (!await db.Dimensions.AnyAsync(d => d.Id == input.DimensionId, ct))
        {
            return SaveResult.Invalid(nameof(GoalInput.DimensionId), l["Validation.Choose"]);
        }

        MasterplanGoal goal;
        if (goalId is { } existing)
        {
            goal = await db.MasterplanGoals.SingleOrDefaultAsync(g => g.Id == existing && g.MasterplanId == id, ct) ?? throw new KeyNotFoundException($"Goal {existing}");
            if (!overwrite && goal.Version != input.Version)
            {
                return SaveResult.Conflicted(await GoalConflictAsync(db, goal, input, ct));
            }

            db.Entry(goal).Property(g => g.Version).OriginalValue = overwrite ? goal.Version : input.Version;
        }
        else
        {
            goal = new MasterplanGoal { RegencyId = plan.RegencyId, MasterplanId = id, Text = "" };
            db.MasterplanGoals.Add(goal);
        }

        goal.DimensionId = input.DimensionId!.Value;
        goal.Text = input.Text.Trim();
        goal.Indicator = Clean(input.Indicator);
        goal.Baseline = input.Baseline;
        goal.Target = input.Target;
        return await db.SaveOrConflictAsync(
                dbFactory, async fresh => await GoalConflictAsync(fresh, await fresh.MasterplanGoals.AsNoTracking().SingleAsync(g => g.Id == goal.Id, ct), input, ct), ct)
            ?? SaveResult.Saved(goal.Id, goal.Version);
    }

    /// <summary>Deletes a goal no programme serves (a served goal is refused with the programmes' names).</summary>
    public async Task<SaveResult> DeleteGoalAsync(int id, int goalId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await LoadEditableAsync(db, id, tracked: false, ct);
        var goal = await db.MasterplanGoals.SingleOrDefaultAsync(g => g.Id == goalId && g.MasterplanId == id, ct) ?? throw new KeyNotFoundException($"Goal {goalId}");
        var serving = await db.Programmes.AsNoTracking().Where(p => p.GoalId == goalId).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(ct);
        if (serving.Count > 0)
        {
            return SaveResult.Invalid(nameof(GoalInput.Text), string.Format(CultureInfo.CurrentCulture, l["Goal.ServedBy"], string.Join(", ", serving)));
        }

        db.MasterplanGoals.Remove(goal);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(goalId, 0);
    }

    /// <summary>Adds (<paramref name="signatoryId"/> null, placed last) or edits a signatory of the joint commitment.</summary>
    public async Task<SaveResult> SaveSignatoryAsync(int id, int? signatoryId, SignatoryInput input, bool overwrite = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadEditableAsync(db, id, tracked: false, ct);
        var validation = await signatoryValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        Signatory signatory;
        if (signatoryId is { } existing)
        {
            signatory = await db.Signatories.SingleOrDefaultAsync(s => s.Id == existing && s.MasterplanId == id, ct) ?? throw new KeyNotFoundException($"Signatory {existing}");
            if (!overwrite && signatory.Version != input.Version)
            {
                return SaveResult.Conflicted(await SignatoryConflictAsync(db, signatory, input, ct));
            }

            db.Entry(signatory).Property(s => s.Version).OriginalValue = overwrite ? signatory.Version : input.Version;
        }
        else
        {
            var last = await db.Signatories.Where(s => s.MasterplanId == id).MaxAsync(s => (int?)s.SortOrder, ct) ?? 0;
            signatory = new Signatory { RegencyId = plan.RegencyId, MasterplanId = id, Name = "", Position = "", SortOrder = last + 1 };
            db.Signatories.Add(signatory);
        }

        signatory.Name = input.Name.Trim();
        signatory.Position = input.Position.Trim();
        signatory.Institution = Clean(input.Institution);
        signatory.SignedOn = input.SignedOn is { } on ? DateOnly.FromDateTime(on) : null;
        return await db.SaveOrConflictAsync(
                dbFactory, async fresh => await SignatoryConflictAsync(fresh, await fresh.Signatories.AsNoTracking().SingleAsync(s => s.Id == signatory.Id, ct), input, ct), ct)
            ?? SaveResult.Saved(signatory.Id, signatory.Version);
    }

    public async Task<SaveResult> DeleteSignatoryAsync(int id, int signatoryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await LoadEditableAsync(db, id, tracked: false, ct);
        var signatory = await db.Signatories.SingleOrDefaultAsync(s => s.Id == signatoryId && s.MasterplanId == id, ct) ?? throw new KeyNotFoundException($"Signatory {signatoryId}");
        db.Signatories.Remove(signatory);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(signatoryId, 0);
    }

    /// <summary>Loads the plan and refuses unless the user is one of its planners and its state allows editing.</summary>
    internal async Task<Masterplan> LoadEditableAsync(SmartCityDbContext db, int id, bool tracked, CancellationToken ct)
    {
        var plans = tracked ? db.Masterplans : db.Masterplans.AsNoTracking();
        var plan = await plans.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new KeyNotFoundException($"Masterplan {id}");
        MasterplanService.EnsureEditable(access, plan);
        return plan;
    }

    private async Task<SaveResult> SaveAsync(SmartCityDbContext db, int rowId, Func<uint> version, Func<SmartCityDbContext, Task<ConcurrencyConflict>> conflict, CancellationToken ct)
    {
        try
        {
            return await db.SaveOrConflictAsync(dbFactory, conflict, ct) ?? SaveResult.Saved(rowId, version());
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two planners started the same dimension's strategy at once: the second sees the first's text.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return SaveResult.Conflicted(await conflict(fresh));
        }
    }

    private async Task<ConcurrencyConflict> TextConflictAsync(
        SmartCityDbContext db, string entity, int key, IReadOnlyList<(string Field, string? Yours, string? Saved)> fields, uint version, CancellationToken ct)
    {
        // Who last changed one of these fields: the plan's row also changes with its other blocks (e.g. the planner's own analysis).
        var keyText = key.ToString(CultureInfo.InvariantCulture);
        var (changedBy, changedAt) = await db.LastChangeAsync(entity, keyText, ct);
        if (entity == nameof(Masterplan))
        {
            long lastId = 0;
            (changedBy, changedAt) = (null, null);
            foreach (var (field, _, _) in fields)
            {
                var contained = JsonSerializer.Serialize(new[] { new { field } });
                var last = await db.AuditEntries.AsNoTracking()
                    .Where(a => a.Entity == entity && a.EntityKey == keyText && a.Id > lastId && EF.Functions.JsonContains(a.Changes, contained))
                    .OrderByDescending(a => a.Id).Select(a => new { a.Id, a.UserName, a.OccurredAt }).FirstOrDefaultAsync(ct);
                if (last is not null)
                {
                    (lastId, changedBy, changedAt) = (last.Id, last.UserName, last.OccurredAt);
                }
            }
        }

        var differences = new Differences();
        foreach (var (field, yours, saved) in fields)
        {
            differences.Add(l[$"Masterplan.{field}"], yours, saved);
        }

        return new ConcurrencyConflict(differences.Items, changedBy, changedAt, version);
    }

    private async Task<ConcurrencyConflict> GoalConflictAsync(SmartCityDbContext db, MasterplanGoal saved, GoalInput yours, CancellationToken ct)
    {
        var (changedBy, changedAt) = await db.LastChangeAsync(nameof(MasterplanGoal), saved.Id.ToString(CultureInfo.InvariantCulture), ct);
        int?[] ids = [saved.DimensionId, yours.DimensionId];
        var codes = await db.Dimensions.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        var differences = new Differences()
            .Add(l["Goal.Dimension"], yours.DimensionId is { } y ? codes.GetValueOrDefault(y) : null, codes.GetValueOrDefault(saved.DimensionId))
            .Add(l["Goal.Text"], yours.Text, saved.Text)
            .Add(l["Goal.Indicator"], yours.Indicator, saved.Indicator)
            .Add(l["Goal.Baseline"], Format.Number(yours.Baseline), Format.Number(saved.Baseline))
            .Add(l["Goal.Target"], Format.Number(yours.Target), Format.Number(saved.Target));
        return new ConcurrencyConflict(differences.Items, changedBy, changedAt, saved.Version);
    }

    private async Task<ConcurrencyConflict> SignatoryConflictAsync(SmartCityDbContext db, Signatory saved, SignatoryInput yours, CancellationToken ct)
    {
        var (changedBy, changedAt) = await db.LastChangeAsync(nameof(Signatory), saved.Id.ToString(CultureInfo.InvariantCulture), ct);
        var differences = new Differences()
            .Add(l["Signatory.Name"], yours.Name, saved.Name)
            .Add(l["Signatory.Position"], yours.Position, saved.Position)
            .Add(l["Signatory.Institution"], yours.Institution, saved.Institution)
            .Add(l["Signatory.SignedOn"], Format.Date(yours.SignedOn is { } on ? DateOnly.FromDateTime(on) : null), Format.Date(saved.SignedOn));
        return new ConcurrencyConflict(differences.Items, changedBy, changedAt, saved.Version);
    }

    private string? Describe(ReadinessGrade? grade, string? notes) =>
        grade is null && string.IsNullOrWhiteSpace(notes) ? null : $"{(grade is { } g ? l.Enum(g) : "–")}{(string.IsNullOrWhiteSpace(notes) ? "" : $": {notes.Trim()}")}";

    private static string? TextOf(Masterplan plan, string field) => field switch
    {
        TextBlocks.GapAnalysis => plan.GapAnalysis,
        TextBlocks.Strengths => plan.Strengths,
        TextBlocks.Weaknesses => plan.Weaknesses,
        TextBlocks.Opportunities => plan.Opportunities,
        TextBlocks.Threats => plan.Threats,
        TextBlocks.Vision => plan.Vision,
        TextBlocks.Missions => plan.Missions,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static void SetText(Masterplan plan, string field, string? text)
    {
        switch (field)
        {
            case TextBlocks.GapAnalysis: plan.GapAnalysis = text; break;
            case TextBlocks.Strengths: plan.Strengths = text; break;
            case TextBlocks.Weaknesses: plan.Weaknesses = text; break;
            case TextBlocks.Opportunities: plan.Opportunities = text; break;
            case TextBlocks.Threats: plan.Threats = text; break;
            case TextBlocks.Vision: plan.Vision = text; break;
            case TextBlocks.Missions: plan.Missions = text; break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(Clean(a), Clean(b), StringComparison.Ordinal);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
