using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.Testing;

/// <summary>A service scope acting as a real user: the principal comes from the app's own claims factory, as at sign-in.</summary>
public sealed class ActingUser : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private ActingUser(AsyncServiceScope scope) => _scope = scope;

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary><paramref name="userName"/> null acts as an anonymous visitor.</summary>
    public static async Task<ActingUser> AsAsync(IServiceProvider root, string? userName)
    {
        var scope = root.CreateAsyncScope();
        if (userName is not null)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
        }

        return new ActingUser(scope);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
