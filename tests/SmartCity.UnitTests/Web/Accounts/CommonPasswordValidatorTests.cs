using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.UnitTests.Web.Accounts;

public sealed class CommonPasswordValidatorTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly UserManager<ApplicationUser> _users;

    public CommonPasswordValidatorTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIdentityCore<ApplicationUser>();
        services.AddScoped<IUserStore<ApplicationUser>, UserNameOnlyStore>();
        _services = services.BuildServiceProvider();
        _users = _services.GetRequiredService<UserManager<ApplicationUser>>();
    }

    public void Dispose()
    {
        _users.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void The_list_has_at_least_ten_thousand_lowercase_entries()
    {
        var list = CommonPasswordValidator.CommonPasswords;

        Assert.True(list.Count >= 10_000, $"only {list.Count} common passwords");
        Assert.Contains("password", (IReadOnlySet<string>)list);
        Assert.All(list.Take(500), p => Assert.Equal(p.ToLowerInvariant(), p));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwerty123456")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("123456789012")]
    [InlineData("passwordpassword")]
    public async Task Common_passwords_are_refused_whatever_their_case(string password)
    {
        var result = await Validator().ValidateAsync(_users, User("bappeda.jepara"), password);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CommonPasswordValidator.CommonPasswordCode, error.Code);
    }

    [Theory]
    [InlineData("kopi-tubruk-Jepara-ukir-2026")]
    [InlineData("correct horse battery staple")]
    [InlineData("Gx7#qLw2!vTz9@pR")]
    public async Task A_long_uncommon_passphrase_is_accepted(string password)
    {
        var result = await Validator().ValidateAsync(_users, User("bappeda.jepara"), password);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
    }

    [Theory]
    [InlineData("bappeda.jepara", "bappeda.jepara")]
    [InlineData("bappeda.jepara", "Bappeda.Jepara")]
    [InlineData("bappeda.jepara", "my-Bappeda.Jepara-2026")]
    [InlineData("penilai1", "rahasia-penilai1-kantor")]
    [InlineData("ab", "AB")]
    public async Task A_password_equal_to_or_containing_the_user_name_is_refused(string userName, string password)
    {
        var result = await Validator().ValidateAsync(_users, User(userName), password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == CommonPasswordValidator.ContainsUserNameCode);
    }

    [Fact]
    public async Task A_very_short_user_name_only_counts_when_it_is_the_whole_password()
    {
        var result = await Validator().ValidateAsync(_users, User("an"), "banana-split-sundae-42");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task A_common_password_that_is_also_the_user_name_reports_both()
    {
        var result = await Validator().ValidateAsync(_users, User("administrator"), "Administrator");

        Assert.Equal(
            [CommonPasswordValidator.CommonPasswordCode, CommonPasswordValidator.ContainsUserNameCode],
            result.Errors.Select(e => e.Code).ToArray());
    }

    [Fact]
    public async Task Descriptions_come_from_the_localizer()
    {
        var localizer = new FakeLocalizer(new Dictionary<string, string>
        {
            ["Password.Common"] = "This password is too common.",
            ["Password.ContainsUserName"] = "The password contains the user name.",
        });

        var result = await new CommonPasswordValidator(localizer).ValidateAsync(_users, User("administrator"), "administrator");

        Assert.Equal(["This password is too common.", "The password contains the user name."], result.Errors.Select(e => e.Description).ToArray());
    }

    [Fact]
    public async Task Descriptions_fall_back_to_Indonesian_when_a_key_is_missing()
    {
        var result = await Validator().ValidateAsync(_users, User("administrator"), "administrator");

        Assert.All(result.Errors, e => Assert.Contains("Kata sandi", e.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_shipped_resources_give_a_description_not_a_key()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var localizer = new StringLocalizer<SharedResource>(factory);

        var result = await new CommonPasswordValidator(localizer).ValidateAsync(_users, User("administrator"), "administrator");

        Assert.Equal(2, result.Errors.Count());
        Assert.All(result.Errors, e => Assert.DoesNotContain("Password.", e.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_passwords_are_left_to_Identitys_length_rule()
    {
        var result = await Validator().ValidateAsync(_users, User("admin"), "");

        Assert.True(result.Succeeded);
    }

    private static CommonPasswordValidator Validator() => new(new FakeLocalizer([]));

    private static ApplicationUser User(string userName) => new() { UserName = userName };

    /// <summary>Returns the given texts and reports every other key as not found (the real localizer's behaviour).</summary>
    private sealed class FakeLocalizer(Dictionary<string, string> texts) : IStringLocalizer<SharedResource>
    {
        public LocalizedString this[string name] =>
            texts.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => texts.Select(t => new LocalizedString(t.Key, t.Value));
    }

    /// <summary>Just enough of a user store for password validators (they only ask for the user name).</summary>
    private sealed class UserNameOnlyStore : IUserStore<ApplicationUser>
    {
        public Task<string?> GetUserNameAsync(ApplicationUser user, CancellationToken cancellationToken) => Task.FromResult(user.UserName);

        public Task<string> GetUserIdAsync(ApplicationUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

        public Task<string?> GetNormalizedUserNameAsync(ApplicationUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedUserName);

        public Task SetUserNameAsync(ApplicationUser user, string? userName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetNormalizedUserNameAsync(ApplicationUser user, string? normalizedName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityResult> CreateAsync(ApplicationUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityResult> UpdateAsync(ApplicationUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IdentityResult> DeleteAsync(ApplicationUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ApplicationUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ApplicationUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
