using System.Diagnostics;
using System.Security.Claims;

namespace SmartCity.Web.Features.Accounts;

/// <summary>
/// Who is acting in this scope (an HTTP request or a Blazor circuit). Set by <see cref="CurrentUserMiddleware"/>
/// for requests and by <see cref="CurrentUserCircuitHandler"/> for circuits; read by services and the audit interceptor.
/// </summary>
public sealed class CurrentUser
{
    private readonly string _scopeCorrelationId = Guid.NewGuid().ToString("N");

    public ClaimsPrincipal Principal { get; private set; } = new(new ClaimsIdentity());

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => Principal.Identity?.Name;

    /// <summary>The id that ties log lines, audit rows and error pages together.</summary>
    public string CorrelationId => Activity.Current?.TraceId.ToString() ?? _scopeCorrelationId;

    public void Set(ClaimsPrincipal principal) => Principal = principal;

    /// <summary>The portal itself acting at start-up (reference import, seeding): an administrator named "system".</summary>
    public void SetSystem() => Principal = new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "system"), new Claim(ClaimTypes.Role, Data.Roles.Admin)], authenticationType: "system"));
}
