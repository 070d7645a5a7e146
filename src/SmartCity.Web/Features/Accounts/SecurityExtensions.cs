using System.Collections.Frozen;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Accounts;

/// <summary>
/// The portal's HTTP hardening: password rules beyond length, sign-in rate limit, forwarded headers, HSTS,
/// security headers (CSP and friends) and a same-origin check on the Blazor hub.
/// </summary>
/// <remarks>
/// Configuration:
/// <list type="bullet">
/// <item><c>Security:TrustAllProxies</c> (bool, default false): accept <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c>
/// from any address, not only from loopback. Set it only when the app is reachable solely through the reverse proxy
/// (e.g. it listens on a private container network); otherwise a client could forge its IP address and slip past
/// the sign-in limit.</item>
/// <item><c>Security:SignInPermitLimit</c> (int, default 10): sign-in form posts allowed per client IP per minute.</item>
/// <item><c>Security:AllowedOrigins</c> (list of origins such as <c>https://smartcity.example.go.id</c>, default empty):
/// extra origins the Blazor hub accepts, for a reverse proxy that does not pass the browser's <c>Host</c> through
/// (nginx: prefer <c>proxy_set_header Host $host;</c>).</item>
/// </list>
/// </remarks>
public static class SecurityExtensions
{
    /// <summary>The rate-limiting policy for sign-in attempts (for endpoints; the sign-in page is covered by the global limiter).</summary>
    public const string SignInPolicy = "sign-in";

    public const string SignInPath = "/account/login";

    public const int DefaultSignInPermitLimit = 10;

    private const string UnknownClient = "unknown";

    private const string PlainText = "text/plain; charset=utf-8";

    private const string RateLimitedMessage =
        "Terlalu banyak percobaan masuk dari alamat Anda. Coba lagi dalam satu menit.\n" +
        "Too many sign-in attempts from your address. Please try again in a minute.\n";

    private const string CrossOriginMessage =
        "Permintaan lintas situs ditolak.\nCross-site request refused.\n";

    private static readonly PathString BlazorHubPath = new("/_blazor");

    private static readonly TimeSpan SignInWindow = TimeSpan.FromMinutes(1);

    /// <summary>Password validators, sign-in rate limit, forwarded headers and HSTS options.</summary>
    /// <param name="services">The app's services; call after <c>AddIdentity</c> (before works too).</param>
    /// <param name="env">Reserved for environment-specific settings; none differ yet (Program sends HSTS only outside Development).</param>
    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(env);

        // Identity's default validator keeps the length rule even if this runs before AddIdentity (whose TryAdd would
        // otherwise see ours and skip it); TryAddEnumerable never registers either validator twice.
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPasswordValidator<ApplicationUser>, PasswordValidator<ApplicationUser>>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPasswordValidator<ApplicationUser>, CommonPasswordValidator>());

        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (configuration.GetValue<bool>("Security:TrustAllProxies"))
            {
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            }
        });

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
            options.Preload = false;
        });

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var permitLimit = configuration.GetValue("Security:SignInPermitLimit", DefaultSignInPermitLimit);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;

            // For endpoints that opt in with RequireRateLimiting(SignInPolicy) / [EnableRateLimiting(SignInPolicy)].
            options.AddPolicy(SignInPolicy, context => SignInPartition(context, permitLimit));

            // The sign-in page is a Razor component endpoint that answers GET and POST alike, so endpoint metadata
            // cannot tell them apart: the global limiter counts only form posts to the sign-in path.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context.Request)
                    ? SignInPartition(context, permitLimit)
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });

        return services;
    }

    /// <summary>
    /// Forwarded headers, security headers, the Blazor hub's origin check and the rate limiter.
    /// Call it early, before authentication (and before the exception handler, so error pages carry the headers too).
    /// </summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseForwardedHeaders();
        app.UseSecurityHeaders(policies => policies
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // blazor.web.js and MudBlazor.min.js use no eval; the nonce lets <ImportMap nonce="..."> through.
                csp.AddScriptSrc().Self().WithNonce();
                // MudBlazor renders style="..." attributes and Blazor patches them at run time.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self().Data();
                // 'self' covers ws:/wss: to the same host in CSP Level 3 browsers (the Blazor circuit's WebSocket).
                csp.AddConnectSrc().Self();
                csp.AddFrameAncestors().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddObjectSrc().None();
            })
            .AddPermissionsPolicy(permissions =>
            {
                permissions.AddCamera().None();
                permissions.AddMicrophone().None();
                permissions.AddGeolocation().None();
                permissions.AddPayment().None();
                permissions.AddUsb().None();
                permissions.AddFullscreen().Self();
            }));

        var allowedOrigins = (app.Configuration.GetSection("Security:AllowedOrigins").Get<string[]>() ?? [])
            .Select(o => o.TrimEnd('/'))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        app.Use((context, next) => RefuseCrossOriginHubRequestsAsync(context, next, allowedOrigins));
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The client address the limiter partitions by (after forwarded headers), or <c>unknown</c>.</summary>
    internal static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : UnknownClient;

    internal static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the <c>Origin</c> header names the host and port the request was sent to. The scheme is not compared:
    /// behind a TLS-terminating proxy the app may see http while the browser sent https.
    /// </summary>
    internal static bool IsSameOrigin(string origin, HostString host)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !host.HasValue
            || !string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // A Host without a port, or with a scheme's default port, matches an Origin on a default port.
        return host.Port is null or 80 or 443
            ? uri.IsDefaultPort || uri.Port == host.Port
            : uri.Port == host.Port;
    }

    private static RateLimitPartition<string> SignInPartition(HttpContext context, int permitLimit) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitLimit,
            Window = SignInWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>
    /// Cross-site WebSocket hijacking guard: browsers send <c>Origin</c> on the hub's negotiate POST and on every
    /// WebSocket handshake, and SignalR itself does not check it. Requests without <c>Origin</c> pass (not a browser, or
    /// a same-origin GET such as long polling).
    /// </summary>
    private static async Task RefuseCrossOriginHubRequestsAsync(HttpContext context, RequestDelegate next, FrozenSet<string> allowedOrigins)
    {
        if (context.Request.Path.StartsWithSegments(BlazorHubPath, StringComparison.OrdinalIgnoreCase)
            && context.Request.Headers.Origin is { Count: > 0 } origin
            && !IsSameOrigin(origin.ToString(), context.Request.Host)
            && !allowedOrigins.Contains(origin.ToString()))
        {
            var shown = origin.ToString();
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityExtensions))
                .LogWarning("Refused a Blazor hub request from origin {Origin} to host {Host}", shown.Length > 200 ? shown[..200] : shown, context.Request.Host.Value);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = PlainText;
            await context.Response.WriteAsync(CrossOriginMessage, context.RequestAborted);
            return;
        }

        await next(context);
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityExtensions))
            .LogWarning("Rate limit hit for {Client} on {Method} {Path}", ClientKey(context), context.Request.Method, context.Request.Path.Value);
        if (Api.OpenDataApi.IsApiRequest(context))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = "Too many requests from your address; retry after the time in Retry-After." },
            });
            return;
        }

        context.Response.ContentType = PlainText;
        await context.Response.WriteAsync(RateLimitedMessage, cancellationToken);
    }
}
