using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Serilog;
using SmartCity.Web.Api;
using SmartCity.Web.Common;
using SmartCity.Web.Components;
using SmartCity.Web.Data;
using SmartCity.Web.Data.Interceptors;
using SmartCity.Web.Data.Seeding;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Assessments;
using SmartCity.Web.Features.Evidence;
using SmartCity.Web.Features.Exports;
using SmartCity.Web.Features.Masterplans.Versions;
using SmartCity.Web.Features.Regencies;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
    .WriteTo.File(
        Path.Combine(builder.Configuration["Logging:Directory"] ?? "logs", "smartcity-.log"),
        rollingInterval: RollingInterval.Day,
        retainedFileCountLimit: 14,
        formatProvider: CultureInfo.InvariantCulture,
        outputTemplate: "{Timestamp:o} [{Level:u3}] {TraceId} {Message:lj} {Properties:j}{NewLine}{Exception}"));

var connectionString = builder.Configuration.GetConnectionString("SmartCity")
    ?? throw new InvalidOperationException("ConnectionStrings:SmartCity is not configured.");

// Two clocks, on purpose (see ProgrammeClock): TimeProvider is the system clock for everything the browser or security judges
// (Identity lockout and tokens, cookies, antiforgery, data-protection keys, timers); ProgrammeClock is the business clock every
// feature service reads and stamps records with, and the only one tests may start at another instant.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(ProgrammeClock.FromConfiguration(builder.Configuration, builder.Environment));
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<AuditInterceptor>();
builder.Services.AddDbContextFactory<SmartCityDbContext>(
    (services, options) => options
        .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null))
        .AddInterceptors(services.GetRequiredService<AuditInterceptor>()),
    ServiceLifetime.Scoped);

builder.Services.AddIdentity<ApplicationUser, IdentityRole>(options =>
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
        options.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<SmartCityDbContext>()
    .AddClaimsPrincipalFactory<PortalClaimsFactory>()
    .AddDefaultTokenProviders();
builder.Services.AddPortalSecurity(builder.Environment);
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/login";
    options.LogoutPath = "/account/logout";
    options.AccessDeniedPath = "/forbidden";
    options.Cookie.Name = "SmartCity.Auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
});
builder.Services.AddDataProtection().SetApplicationName("SmartCity").PersistKeysToDbContext<SmartCityDbContext>();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAuthorization();
builder.Services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
builder.Services.AddScoped<RegencyAccess>();

builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    CultureInfo[] cultures = [new("id-ID"), new("en-US")];
    options.DefaultRequestCulture = new RequestCulture("id-ID");
    options.SupportedCultures = cultures;
    options.SupportedUICultures = cultures;
    options.RequestCultureProviders = [new CookieRequestCultureProvider()];
});

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddMemoryCache();
builder.Services.AddOpenDataApi();
builder.Services.AddHealthChecks().AddDbContextCheck<SmartCityDbContext>("database");

builder.Services.AddScoped<ReferenceDataImporter>();
builder.Services.AddScoped<ReferenceSeeder>();
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddSingleton<EvidenceVirusScanner>();
builder.Services.AddHostedService<SmartCity.Web.Features.Notifications.NotificationJobHost>();

// Each feature's service (its public surface) is scoped: one per request or circuit, each call opening its own DbContext.
foreach (var service in typeof(Program).Assembly.GetTypes().Where(t =>
    t is { IsClass: true, IsAbstract: false, IsPublic: true } && t.Namespace?.StartsWith("SmartCity.Web.Features.", StringComparison.Ordinal) == true
    && t.Name.EndsWith("Service", StringComparison.Ordinal)))
{
    builder.Services.AddScoped(service);
}

builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);

var app = builder.Build();

await DatabaseInitializer.InitializeAsync(app.Services, app.Configuration);

// Forwarded headers, security headers (CSP, frame-ancestors 'none', nosniff, referrer policy), the sign-in rate limit
// and the same-origin check of the Blazor hub come first, so everything after sees the real client.
app.UsePortalSecurity();

// No stack trace ever reaches a user, in any environment: errors render /error with the correlation id; API errors are problem
// details (RFC 7807) carrying the same id.
// The API's handler sits inside the pages' one, so it answers API errors first (a branch of its own would break re-execution).
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseWhen(OpenDataApi.IsApiRequest, api => api.UseExceptionHandler(OpenDataApi.ExceptionHandling));
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

// Pages re-execute /not-found for an empty error status (keeping the status); API answers get a problem-details body first, so
// the re-execution leaves them alone.
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseWhen(OpenDataApi.IsApiRequest, api => api.UseStatusCodePages());
app.UseSerilogRequestLogging();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<CurrentUserMiddleware>();
app.UseMiddleware<ForcePasswordChangeMiddleware>();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapAccountEndpoints();
app.MapEvidenceEndpoints();
app.MapMasterplanDocumentEndpoints();
app.MapResultEndpoints();
app.MapOpenDataApi();
app.MapListExportEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>The web host's entry point; public for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
