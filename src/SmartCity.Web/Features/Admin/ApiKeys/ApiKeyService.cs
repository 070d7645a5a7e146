using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Admin.Users;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Admin.ApiKeys;

/// <summary>
/// API keys of regency systems (admin only): issue one bound to a regency (the plain key is returned once and only its SHA-256 hash
/// is stored), list them with their last use, revoke them. Writes are audited by the interceptor (the hash is masked there).
/// </summary>
public sealed class ApiKeyService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, CurrentUser currentUser, ApiKeyInputValidator validator,
    IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    /// <summary>Every key starts with this, so a leaked one is recognisable (e.g. by secret scanners).</summary>
    public const string KeyPrefix = "sck_";

    /// <summary>Characters of the key kept in clear as its <see cref="ApiKey.Prefix"/>: <c>sck_</c> and 8 random characters.</summary>
    public const int PrefixLength = 12;

    public const int MaxPageSize = 100;

    private const string Target = "API keys";

    private static readonly SearchValues<char> Base64UrlCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>A new key: <c>sck_</c> and 32 random bytes in base64url (43 characters).</summary>
    public static string Generate() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 hash of a key as 64 lowercase hex digits: what is stored and what a presented key is looked up by.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether a presented value has the shape of a key at all (checked before any SQL).</summary>
    public static bool LooksLikeKey(string? value) =>
        value is { Length: 47 } && value.StartsWith(KeyPrefix, StringComparison.Ordinal)
        && value.AsSpan(KeyPrefix.Length).IndexOfAnyExcept(Base64UrlCharacters) < 0;

    /// <summary>Refuses (logged) anyone but an admin: the page asks before it renders anything.</summary>
    public void EnsureAdmin() => access.EnsureAdmin(Target);

    /// <summary>Keys, newest first, server paged; a search matches the regency's name or code, the key's name or its prefix.</summary>
    public async Task<PagedResult<ApiKeyRow>> ListAsync(ApiKeyQuery query, CancellationToken ct = default)
    {
        access.EnsureAdmin(Target);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = from k in db.ApiKeys.AsNoTracking()
                   join r in db.Regencies on k.RegencyId equals r.Id
                   select new { k, r.Code, r.Name };
        if (!query.IncludeRevoked)
        {
            keys = keys.Where(x => x.k.RevokedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            var pattern = $"%{Like.Escape(text)}%";
            keys = keys.Where(x => x.Code.StartsWith(text) || x.k.Prefix.StartsWith(text) || EF.Functions.ILike(x.Name, pattern) || EF.Functions.ILike(x.k.Name, pattern));
        }

        var total = await keys.CountAsync(ct);
        var rows = await keys.OrderByDescending(x => x.k.CreatedAt).ThenByDescending(x => x.k.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new ApiKeyRow(
                x.k.Id, x.k.RegencyId, x.Code, x.Name, x.k.Name, x.k.Prefix, x.k.CreatedAt, x.k.CreatedBy, x.k.LastUsedAt, x.k.RevokedAt, x.k.RevokedBy, x.k.Version))
            .ToListAsync(ct);
        return new PagedResult<ApiKeyRow>(rows, total, page, pageSize);
    }

    /// <summary>Active regencies a key may be bound to, searched by name or code.</summary>
    public async Task<IReadOnlyList<RegencyOption>> RegenciesAsync(string? search, CancellationToken ct = default)
    {
        access.EnsureAdmin(Target);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regencies = db.Regencies.AsNoTracking().Where(r => r.IsActive);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var pattern = $"%{Like.Escape(text)}%";
            regencies = regencies.Where(r => r.Code.StartsWith(text) || EF.Functions.ILike(r.Name, pattern));
        }

        return await regencies.OrderBy(r => r.Code).Take(20).Select(r => new RegencyOption(r.Id, r.Code, r.Name)).ToListAsync(ct);
    }

    /// <summary>Issues a key for one regency. The plain key is in the result only; the database keeps its hash and prefix.</summary>
    public async Task<IssuedApiKey> IssueAsync(ApiKeyInput input, CancellationToken ct = default)
    {
        access.EnsureAdmin(Target);
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return new IssuedApiKey(null, null, SaveResult.Invalid(validation).Errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regency = await db.Regencies.AsNoTracking().Where(r => r.Id == input.RegencyId && r.IsActive)
            .Select(r => new { r.Id, r.Code, r.Name }).FirstOrDefaultAsync(ct);
        if (regency is null)
        {
            return new IssuedApiKey(null, null, SaveResult.Invalid(nameof(ApiKeyInput.RegencyId), l["ApiKeys.UnknownRegency"]).Errors);
        }

        var plain = Generate();
        var key = new ApiKey
        {
            RegencyId = regency.Id,
            Name = input.Name.Trim(),
            Prefix = plain[..PrefixLength],
            Hash = HashOf(plain),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = currentUser.UserName,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new IssuedApiKey(
            plain,
            new ApiKeyRow(key.Id, regency.Id, regency.Code, regency.Name, key.Name, key.Prefix, key.CreatedAt, key.CreatedBy, null, null, null, key.Version),
            new Dictionary<string, string[]>());
    }

    /// <summary>
    /// Revokes a key as the admin saw it (<paramref name="version"/>). Using a key moves its row version (last use), so a stale
    /// version is a conflict only when someone else revoked it meanwhile; otherwise the revocation goes ahead on the fresh row.
    /// </summary>
    public async Task<SaveResult> RevokeAsync(int id, uint version, CancellationToken ct = default)
    {
        access.EnsureAdmin(Target);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct) ?? throw new KeyNotFoundException($"API key {id}");
            if (key.RevokedAt is not null)
            {
                return SaveResult.Conflicted(await RevokedConflictAsync(db, key, ct));
            }

            db.Entry(key).Property(k => k.Version).OriginalValue = attempt == 0 ? version : key.Version;
            key.RevokedAt = clock.GetUtcNow();
            key.RevokedBy = currentUser.UserName;
            try
            {
                await db.SaveChangesAsync(ct);
                return SaveResult.Saved(key.Id, key.Version);
            }
            catch (DbUpdateConcurrencyException) when (attempt == 0)
            {
                // Someone used or revoked the key since the list was loaded: look again.
            }
        }
    }

    private async Task<ConcurrencyConflict> RevokedConflictAsync(SmartCityDbContext db, ApiKey key, CancellationToken ct)
    {
        var (by, at) = await db.LastChangeAsync(nameof(ApiKey), key.Id.ToString(CultureInfo.InvariantCulture), ct);
        return new ConcurrencyConflict(
            [new FieldDifference(l["ApiKeys.Revoked"], null, Components.Shared.Format.Instant(key.RevokedAt, Domain.Common.IndonesianTimeZone.Wib))],
            by ?? key.RevokedBy, at ?? key.RevokedAt, key.Version);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
