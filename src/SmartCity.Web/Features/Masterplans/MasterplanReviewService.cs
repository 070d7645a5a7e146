using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.Notifications;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Notifications;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Masterplans;

/// <summary>
/// The masterplan workflow (DOMAIN.md): planners submit (editing locks, an immutable version is stored) and amend an approved plan;
/// assessors and admins comment and request a revision; admins approve. Comments are anchored to a block or programme, answered and resolved.
/// Every transition is checked here against the state machine and the role, and against the plan version the user saw.
/// </summary>
public sealed class MasterplanReviewService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, CommentInputValidator commentValidator,
    IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    /// <summary>Submits the working copy as version <see cref="Masterplan.WorkingVersion"/>; refused while the completeness panel lists anything.</summary>
    public async Task<SaveResult> SubmitAsync(int id, uint version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadAsync(db, id, ct);
        access.EnsureCanWrite(plan.RegencyId, RegencyWrite.Masterplans, $"masterplan {id}");
        if (Refused(plan, MasterplanAction.Submit, version) is { } refused)
        {
            return refused;
        }

        await db.Entry(plan).Collection(m => m.Readiness).LoadAsync(ct);
        await db.Entry(plan).Collection(m => m.Goals).LoadAsync(ct);
        await db.Entry(plan).Collection(m => m.Strategies).LoadAsync(ct);
        await db.Entry(plan).Collection(m => m.Programmes).LoadAsync(ct);
        await db.Entry(plan).Collection(m => m.Signatories).LoadAsync(ct);
        var dimensions = await db.Dimensions.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        var quickWins = await db.QuickWins.AsNoTracking().Where(q => !q.IsArchived && q.RegencyId == plan.RegencyId && q.ProgrammeId != null)
            .Select(q => new PlanQuickWin(q.Id, q.Name, q.ProgrammeId, q.StartDate)).ToListAsync(ct);
        var issues = MasterplanCompleteness.Check(plan, dimensions, quickWins);
        if (issues.Count > 0)
        {
            return SaveResult.Invalid(nameof(Masterplan.State), string.Format(CultureInfo.CurrentCulture, l["Masterplan.Incomplete"], issues.Count));
        }

        var snapshot = await MasterplanSnapshots.LoadAsync(db, id, ct) ?? throw new KeyNotFoundException($"Masterplan {id}");
        var now = clock.GetUtcNow();
        db.MasterplanVersions.Add(new MasterplanVersion
        {
            RegencyId = plan.RegencyId,
            MasterplanId = id,
            Number = plan.WorkingVersion,
            SubmittedAt = now,
            SubmittedById = access.UserId,
            Snapshot = snapshot.ToJson(),
        });
        db.MasterplanDrafts.RemoveRange(await db.MasterplanDrafts.Where(d => d.MasterplanId == id).ToListAsync(ct));
        return await TransitionAsync(db, plan, MasterplanAction.Submit, now, ct);
    }

    /// <summary>An assessor or admin sends the submitted plan back with a comment anchored to a block or programme.</summary>
    public async Task<SaveResult> RequestRevisionAsync(int id, uint version, CommentInput comment, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadAsync(db, id, ct);
        access.EnsureAllowed(access.IsNational, "request a revision of", $"masterplan {id}");
        var validation = await commentValidator.ValidateAsync(comment, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        if (Refused(plan, MasterplanAction.RequestRevision, version) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        db.ReviewComments.Add(NewComment(plan, comment, null, now));
        plan.WorkingVersion++;
        return await TransitionAsync(db, plan, MasterplanAction.RequestRevision, now, ct);
    }

    /// <summary>An admin approves the submitted version; it becomes the public one.</summary>
    public async Task<SaveResult> ApproveAsync(int id, uint version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadAsync(db, id, ct);
        access.EnsureAdmin($"approve masterplan {id}");
        if (Refused(plan, MasterplanAction.Approve, version) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var submitted = await db.MasterplanVersions.SingleAsync(v => v.MasterplanId == id && v.Number == plan.WorkingVersion, ct);
        submitted.ApprovedAt = now;
        submitted.ApprovedById = access.UserId;
        plan.ApprovedVersion = plan.WorkingVersion;
        return await TransitionAsync(db, plan, MasterplanAction.Approve, now, ct);
    }

    /// <summary>A planner opens version N+1 of an approved plan; version N stays the approved, public one until N+1 is approved.</summary>
    public async Task<SaveResult> AmendAsync(int id, uint version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await LoadAsync(db, id, ct);
        access.EnsureCanWrite(plan.RegencyId, RegencyWrite.Masterplans, $"masterplan {id}");
        if (Refused(plan, MasterplanAction.Amend, version) is { } refused)
        {
            return refused;
        }

        plan.WorkingVersion++;
        return await TransitionAsync(db, plan, MasterplanAction.Amend, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// A new comment (reviewers, while the plan is submitted) or an answer to one (<see cref="CommentInput.ParentId"/>;
    /// the regency's planners and reviewers, in any state). Answers hang on the first comment of their thread.
    /// </summary>
    public async Task<SaveResult> CommentAsync(int id, CommentInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Masterplans.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new KeyNotFoundException($"Masterplan {id}");
        ReviewComment? parent = null;
        if (input.ParentId is { } parentId)
        {
            access.EnsureAllowed(CanDiscuss(plan), "answer comments of", $"masterplan {id}");
            parent = await db.ReviewComments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == parentId && c.MasterplanId == id, ct);
            if (parent is null)
            {
                return SaveResult.Invalid(nameof(CommentInput.ParentId), l["Validation.Choose"]);
            }

            if (parent.ParentId is { } root)
            {
                parent = await db.ReviewComments.AsNoTracking().SingleAsync(c => c.Id == root, ct);
            }
        }
        else
        {
            access.EnsureAllowed(access.IsNational, "comment on", $"masterplan {id}");
            if (plan.State != MasterplanState.Submitted)
            {
                return SaveResult.Invalid(nameof(CommentInput.Text), l["Comment.OnlyWhenSubmitted"]);
            }
        }

        var validation = await commentValidator.ValidateAsync(parent is null ? input : new CommentInput { Anchor = parent.Anchor, Text = input.Text, ParentId = parent.Id }, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        var comment = NewComment(plan, input, parent, clock.GetUtcNow());
        db.ReviewComments.Add(comment);
        await db.SaveChangesAndNotifyAsync(c => NotifyCommentAsync(db, plan, comment, parent, c), ct);
        return SaveResult.Saved(comment.Id, comment.Version);
    }

    /// <summary>Marks a thread resolved (or open again): the regency's planners and reviewers.</summary>
    public async Task<SaveResult> ResolveAsync(int commentId, bool resolved, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await db.ReviewComments.SingleOrDefaultAsync(c => c.Id == commentId, ct) ?? throw new KeyNotFoundException($"Comment {commentId}");
        var plan = await db.Masterplans.AsNoTracking().SingleAsync(m => m.Id == comment.MasterplanId, ct);
        access.EnsureAllowed(CanDiscuss(plan), "resolve comments of", $"masterplan {plan.Id}");
        if (comment.ParentId is not null)
        {
            return SaveResult.Invalid(nameof(CommentInput.ParentId), l["Comment.ResolveThread"]);
        }

        comment.ResolvedAt = resolved ? clock.GetUtcNow() : null;
        comment.ResolvedById = resolved ? access.UserId : null;
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(comment.Id, comment.Version);
    }

    private bool CanDiscuss(Masterplan plan) => access.IsNational || access.CanWrite(plan.RegencyId, RegencyWrite.Masterplans);

    private static async Task<Masterplan> LoadAsync(SmartCityDbContext db, int id, CancellationToken ct) =>
        await db.Masterplans.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new KeyNotFoundException($"Masterplan {id}");

    /// <summary>A transition the state forbids is refused (logged); one made on a plan changed since the user loaded it is a clear message.</summary>
    private SaveResult? Refused(Masterplan plan, MasterplanAction action, uint version)
    {
        access.EnsureAllowed(MasterplanWorkflow.IsAllowed(plan.State, action), $"{action} a {plan.State} masterplan", $"masterplan {plan.Id}");
        return plan.Version == version ? null : SaveResult.Invalid(nameof(Masterplan.State), l["Masterplan.ChangedSinceLoaded"]);
    }

    private async Task<SaveResult> TransitionAsync(SmartCityDbContext db, Masterplan plan, MasterplanAction action, DateTimeOffset now, CancellationToken ct)
    {
        plan.State = MasterplanWorkflow.After(plan.State, action);
        plan.UpdatedAt = now;
        try
        {
            await db.SaveChangesAndNotifyAsync(c => NotifyStateAsync(db, plan, action, now, c), ct);
            return SaveResult.Saved(plan.Id, plan.Version);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } })
        {
            // Someone else moved the plan at the same moment (e.g. two admins approving): nothing of this attempt is saved.
            return SaveResult.Invalid(nameof(Masterplan.State), l["Masterplan.ChangedSinceLoaded"]);
        }
    }

    /// <summary>Submitted, revision requested, approved: the regency's planners are told, and for a submission the admins.</summary>
    private async Task NotifyStateAsync(SmartCityDbContext db, Masterplan plan, MasterplanAction action, DateTimeOffset now, CancellationToken ct)
    {
        if (action is not (MasterplanAction.Submit or MasterplanAction.RequestRevision or MasterplanAction.Approve))
        {
            return;
        }

        var me = access.UserId;
        var submitted = action == MasterplanAction.Submit;
        var recipients = Notifier.UsersInRoles(db, Roles.BappedaPlanner).Where(u => u.RegencyId == plan.RegencyId).Select(u => u.Id)
            .Concat(Notifier.UsersInRoles(db, Roles.Admin).Where(u => submitted).Select(u => u.Id))
            .Where(u => u != me);
        var id = plan.Id.ToString(CultureInfo.InvariantCulture);
        await Notifier.NotifyAsync(
            db, recipients, NotificationKind.MasterplanState, plan.Title, plan.State.ToString(), $"/masterplans/{id}", plan.RegencyId,
            $"masterplan:{id}:v{plan.WorkingVersion.ToString(CultureInfo.InvariantCulture)}:{plan.State}", now, ct);
    }

    /// <summary>A comment is told to the regency's planners, an answer also to the author of the thread's first comment (never to its own author).</summary>
    private async Task NotifyCommentAsync(SmartCityDbContext db, Masterplan plan, ReviewComment comment, ReviewComment? root, CancellationToken ct)
    {
        var me = access.UserId;
        var rootAuthor = root?.AuthorId;
        var recipients = Notifier.UsersInRoles(db, Roles.BappedaPlanner).Where(u => u.RegencyId == plan.RegencyId).Select(u => u.Id)
            .Concat(db.Users.Where(u => u.Id == rootAuthor && !u.IsDisabled).Select(u => u.Id))
            .Where(u => u != me);
        var id = plan.Id.ToString(CultureInfo.InvariantCulture);
        await Notifier.NotifyAsync(
            db, recipients, NotificationKind.MasterplanComment, plan.Title, null, $"/masterplans/{id}", plan.RegencyId,
            $"masterplan-comment:{comment.Id.ToString(CultureInfo.InvariantCulture)}", comment.CreatedAt, ct);
    }

    private ReviewComment NewComment(Masterplan plan, CommentInput input, ReviewComment? parent, DateTimeOffset now) => new()
    {
        RegencyId = plan.RegencyId,
        MasterplanId = plan.Id,
        VersionNumber = parent?.VersionNumber ?? plan.WorkingVersion,
        Anchor = parent?.Anchor ?? input.Anchor,
        Text = input.Text.Trim(),
        ParentId = parent?.Id,
        AuthorId = access.UserId,
        CreatedAt = now,
    };

    /// <summary>The label of an anchor for people: the block's name, the dimension's strategy, or the programme's name.</summary>
    public static string AnchorLabel(IStringLocalizer<SharedResource> l, MasterplanDetail plan, string anchor)
    {
        var block = l[$"Masterplan.Block.{MasterplanBlocks.BlockOf(anchor)}"].Value;
        if (TextBlocks.DimensionOf(anchor) is { } code)
        {
            return $"{block} – {code}";
        }

        return anchor.StartsWith("programme:", StringComparison.Ordinal)
               && int.TryParse(anchor["programme:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
               && plan.Programmes.FirstOrDefault(p => p.Id == pid) is { } programme
            ? $"{block} – {programme.Name}"
            : block;
    }
}
