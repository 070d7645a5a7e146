using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SmartCity.Web.Features.Accounts;

/// <summary>Copies the request's user into <see cref="CurrentUser"/> for plain HTTP requests (API, downloads, prerendering).</summary>
internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Set(context.User);
        return next(context);
    }
}

/// <summary>Keeps <see cref="CurrentUser"/> in step with the circuit's authentication state.</summary>
internal sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authenticationStateProvider, CurrentUser currentUser)
    : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        currentUser.Set(state.User);
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => currentUser.Set(t.Result.User), TaskScheduler.Default);

    public void Dispose() => authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;
}
