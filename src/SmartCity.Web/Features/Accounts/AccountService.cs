using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Web.Common;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Accounts;

public sealed record SignInRow(DateTimeOffset OccurredAt, bool Succeeded, string? IpAddress, string? UserAgent);

public sealed record MyAccount(string UserName, string FullName, IReadOnlyList<string> Roles, string? RegencyName, IndonesianTimeZone TimeZone, IReadOnlyList<SignInRow> RecentSignIns);

/// <summary>The signed-in user's own account: profile, roles and last sign-ins; sign-in history recording.</summary>
public sealed class AccountService(IDbContextFactory<SmartCityDbContext> dbFactory, UserManager<ApplicationUser> users, CurrentUser currentUser, ProgrammeClock clock)
{
    public const int RecentCount = 10;

    /// <summary>Records an attempt for a known user (unknown user names are not stored).</summary>
    public async Task RecordSignInAsync(string userId, bool succeeded, HttpContext http, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agent = http.Request.Headers.UserAgent.ToString();
        db.SignInEvents.Add(new SignInEvent
        {
            UserId = userId,
            OccurredAt = clock.GetUtcNow(),
            Succeeded = succeeded,
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = agent.Length > TextLimits.Reference ? agent[..TextLimits.Reference] : agent,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<MyAccount> MineAsync(CancellationToken ct = default)
    {
        var userId = currentUser.UserId ?? throw new AccessDeniedException("Not signed in.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.UserName,
                u.FullName,
                Regency = db.Regencies.Where(r => r.Id == u.RegencyId).Select(r => new { r.Name, r.TimeZone }).FirstOrDefault(),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .SingleAsync(ct);
        var signIns = await db.SignInEvents.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.OccurredAt).Take(RecentCount)
            .Select(e => new SignInRow(e.OccurredAt, e.Succeeded, e.IpAddress, e.UserAgent)).ToListAsync(ct);
        return new MyAccount(user.UserName!, user.FullName, user.Roles, user.Regency?.Name, user.Regency?.TimeZone ?? IndonesianTimeZone.Wib, signIns);
    }

    /// <summary>Changes the user's password (current one required); clears the must-change flag. The caller refreshes the sign-in cookie.</summary>
    public async Task<IdentityResult> ChangePasswordAsync(ApplicationUser user, string current, string next)
    {
        var result = await users.ChangePasswordAsync(user, current, next);
        if (result.Succeeded && user.MustChangePassword)
        {
            user.MustChangePassword = false;
            result = await users.UpdateAsync(user);
        }

        return result;
    }
}

/// <summary>A user with a temporary password may do nothing but set their own password (or sign out).</summary>
internal sealed class ForcePasswordChangeMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/account/password", "/account/logout", "/culture", "/_", "/health", "/error", "/not-found"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (context.User.HasClaim(PortalClaims.MustChangePassword, "true")
            && HttpMethods.IsGet(context.Request.Method)
            && !Allowed.Any(a => path.StartsWith(a, StringComparison.OrdinalIgnoreCase))
            && !Path.HasExtension(path))
        {
            context.Response.Redirect("/account/password");
            return Task.CompletedTask;
        }

        return next(context);
    }
}
