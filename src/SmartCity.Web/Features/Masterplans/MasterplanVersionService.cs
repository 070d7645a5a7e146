using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Masterplans.Versions;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Masterplans;

/// <summary>The versions page's frame: whose plan it is and its submitted versions, oldest first.</summary>
public sealed record MasterplanVersionsView(
    int Id, int RegencyId, string RegencyCode, string RegencyName, IndonesianTimeZone TimeZone, string Title, int StartYear, int EndYear,
    MasterplanState State, int WorkingVersion, int? ApprovedVersion, IReadOnlyList<VersionRow> Versions);

/// <summary>
/// The submitted versions of a masterplan: list, read one (or the working copy), compare two block by block, and the official
/// .docx of either. Whoever may read the regency may do all of it; anonymous visitors only read the approved version
/// (<see cref="ApprovedAsync"/>, for the public pages). Stored versions (one, or two to compare) are read in one SQL command, the
/// working copy with <see cref="MasterplanSnapshots.LoadAsync"/>'s own few more, whatever the number of programmes.
/// </summary>
public sealed class MasterplanVersionService(IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, IStringLocalizer<SharedResource> l)
{
    /// <summary>The plan with its versions (one SQL command); null for an unknown plan.</summary>
    public async Task<MasterplanVersionsView?> GetAsync(int planId, CancellationToken ct = default)
    {
        access.EnsureSignedIn("masterplan versions");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var view = await db.Masterplans.AsNoTracking().Where(m => m.Id == planId)
            .Select(m => new MasterplanVersionsView(
                m.Id, m.RegencyId,
                db.Regencies.Where(r => r.Id == m.RegencyId).Select(r => r.Code).First(),
                db.Regencies.Where(r => r.Id == m.RegencyId).Select(r => r.Name).First(),
                db.Regencies.Where(r => r.Id == m.RegencyId).Select(r => r.TimeZone).First(),
                m.Title, m.StartYear, m.EndYear, m.State, m.WorkingVersion, m.ApprovedVersion,
                m.Versions.OrderBy(v => v.Number).Select(v => new VersionRow(
                    v.Number, v.SubmittedAt,
                    db.Users.Where(u => u.Id == v.SubmittedById).Select(u => u.FullName).FirstOrDefault(),
                    v.ApprovedAt,
                    db.Users.Where(u => u.Id == v.ApprovedById).Select(u => u.FullName).FirstOrDefault())).ToList()))
            .SingleOrDefaultAsync(ct);
        if (view is not null)
        {
            access.EnsureCanRead(view.RegencyId, "masterplan versions");
        }

        return view;
    }

    /// <summary>Every submitted version, oldest first.</summary>
    public async Task<IReadOnlyList<VersionRow>> ListAsync(int planId, CancellationToken ct = default) =>
        (await GetAsync(planId, ct))?.Versions ?? throw new KeyNotFoundException($"Masterplan {planId}");

    /// <summary>A stored version (<paramref name="number"/>), or the working copy (null); null when the plan or version does not exist.</summary>
    public async Task<MasterplanSnapshot?> SnapshotAsync(int planId, int? number, CancellationToken ct = default)
    {
        access.EnsureSignedIn("a masterplan version");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await HeadAsync(db, planId, number, null, ct);
        if (head is null)
        {
            return null;
        }

        access.EnsureCanRead(head.RegencyId, "a masterplan version");
        return number is { } n
            ? head.Snapshots.TryGetValue(n, out var json) ? MasterplanSnapshot.FromJson(json) : null
            : await MasterplanSnapshots.LoadAsync(db, planId, ct);
    }

    /// <summary>
    /// Compares version <paramref name="from"/> with version <paramref name="to"/> (null: the working copy), block by block,
    /// section titles in the current UI language. Unknown plan or version: <see cref="KeyNotFoundException"/>.
    /// </summary>
    public async Task<IReadOnlyList<BlockDiff>> CompareAsync(int planId, int from, int? to, CancellationToken ct = default)
    {
        access.EnsureSignedIn("a masterplan comparison");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await HeadAsync(db, planId, from, to, ct) ?? throw new KeyNotFoundException($"Masterplan {planId}");
        access.EnsureCanRead(head.RegencyId, "a masterplan comparison");
        var older = head.Snapshots.TryGetValue(from, out var fromJson)
            ? MasterplanSnapshot.FromJson(fromJson)
            : throw new KeyNotFoundException($"Masterplan {planId} version {from}");
        var newer = to is { } t
            ? head.Snapshots.TryGetValue(t, out var toJson) ? MasterplanSnapshot.FromJson(toJson) : throw new KeyNotFoundException($"Masterplan {planId} version {t}")
            : await MasterplanSnapshots.LoadAsync(db, planId, ct) ?? throw new KeyNotFoundException($"Masterplan {planId}");
        return MasterplanDiff.Compare(older, newer, l);
    }

    /// <summary>The official .docx of a stored version (<paramref name="number"/>) or of the working copy (null); null when unknown.</summary>
    public async Task<(string FileName, byte[] Content)?> DocumentAsync(int planId, int? number, CancellationToken ct = default)
    {
        access.EnsureSignedIn("a masterplan document");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.Masterplans.AsNoTracking().Where(m => m.Id == planId)
            .Select(m => new
            {
                m.RegencyId,
                m.State,
                m.WorkingVersion,
                m.ApprovedVersion,
                Regency = db.Regencies.Where(r => r.Id == m.RegencyId).Select(r => new { r.Code, r.Name, Province = r.Province!.Name, r.TimeZone }).First(),
                Ministry = db.Settings.Where(s => s.Key == SettingKeys.MinistryName).Select(s => s.Value).FirstOrDefault(),
                Version = m.Versions.Where(v => v.Number == number).Select(v => new { v.Snapshot, v.ApprovedAt }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        access.EnsureCanRead(head.RegencyId, "a masterplan document");
        if (number is not null && head.Version is null)
        {
            return null;
        }

        var plan = head.Version is { } stored ? MasterplanSnapshot.FromJson(stored.Snapshot) : await MasterplanSnapshots.LoadAsync(db, planId, ct);
        if (plan is null)
        {
            return null;
        }

        var versionNumber = number ?? head.WorkingVersion;
        var state = head.Version is null ? head.State
            : head.Version.ApprovedAt is not null ? MasterplanState.Approved
            : versionNumber == head.WorkingVersion && head.State != MasterplanState.Draft ? head.State
            : MasterplanState.Submitted;
        var header = new DocumentHeader(
            head.Regency.Code, head.Regency.Name, head.Regency.Province, head.Ministry ?? "", versionNumber, state, number is null,
            head.Version?.ApprovedAt is { } approvedAt ? approvedAt.DateIn(head.Regency.TimeZone) : null);
        using var content = new MemoryStream();
        new MasterplanDocument(l).Write(content, plan, header);
        return (MasterplanDocument.FileName(head.Regency.Code, plan, versionNumber), content.ToArray());
    }

    /// <summary>The approved, public version of a plan; null when the plan has none. Anyone may read it, signed in or not.</summary>
    public async Task<MasterplanSnapshot?> ApprovedAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var json = await db.Masterplans.AsNoTracking().Where(m => m.Id == planId && m.ApprovedVersion != null)
            .SelectMany(m => m.Versions.Where(v => v.Number == m.ApprovedVersion).Select(v => v.Snapshot))
            .FirstOrDefaultAsync(ct);
        return json is null ? null : MasterplanSnapshot.FromJson(json);
    }

    private sealed record Head(int RegencyId, Dictionary<int, string> Snapshots);

    /// <summary>The plan's regency and the snapshots of (at most) two versions, in one SQL command.</summary>
    private static async Task<Head?> HeadAsync(SmartCityDbContext db, int planId, int? first, int? second, CancellationToken ct)
    {
        var head = await db.Masterplans.AsNoTracking().Where(m => m.Id == planId)
            .Select(m => new
            {
                m.RegencyId,
                Versions = m.Versions.Where(v => v.Number == first || v.Number == second).Select(v => new { v.Number, v.Snapshot }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return head is null ? null : new Head(head.RegencyId, head.Versions.ToDictionary(v => v.Number, v => v.Snapshot));
    }
}
