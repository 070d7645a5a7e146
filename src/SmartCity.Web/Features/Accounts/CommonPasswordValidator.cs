using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SmartCity.Web.Data;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Accounts;

/// <summary>
/// Refuses passwords found in a list of common passwords (the zxcvbn-ts common dictionary, embedded in the assembly)
/// and passwords equal to or containing the user name. Runs next to Identity's own <see cref="PasswordValidator{TUser}"/>
/// (minimum length 12, no composition rules), as NIST SP 800-63B recommends.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<ApplicationUser>
{
    public const string CommonPasswordCode = "CommonPassword";
    public const string ContainsUserNameCode = "PasswordContainsUserName";

    /// <summary>The embedded list (see <c>Features/Accounts/Data/common-passwords.LICENSE.txt</c>).</summary>
    internal const string ResourceName = "SmartCity.Web.CommonPasswords.txt";

    /// <summary>User names shorter than this are only compared for equality, not searched for inside the password.</summary>
    internal const int MinimumContainedUserNameLength = 3;

    // Texts used when the resource files lack the keys (Indonesian is the portal's default language).
    private const string CommonPasswordFallback = "Kata sandi ini terlalu umum dan mudah ditebak. Pilih kata sandi lain, misalnya gabungan beberapa kata.";
    private const string ContainsUserNameFallback = "Kata sandi tidak boleh sama dengan atau memuat nama pengguna.";

    private static readonly Lazy<FrozenSet<string>> List = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The common passwords, lowercase; loaded once, on first use.</summary>
    internal static FrozenSet<string> CommonPasswords => List.Value;

    /// <summary>Whether the password, lowercased, is on the common-password list.</summary>
    public static bool IsCommon(string password) => CommonPasswords.Contains(password.ToLowerInvariant());

    public async Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            // Identity's own PasswordValidator reports missing and short passwords.
            return IdentityResult.Success;
        }

        var errors = new List<IdentityError>(2);
        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = CommonPasswordCode, Description = Text(l["Password.Common"], CommonPasswordFallback) });
        }

        var userName = (await manager.GetUserNameAsync(user))?.Trim();
        if (ContainsUserName(password, userName))
        {
            errors.Add(new IdentityError { Code = ContainsUserNameCode, Description = Text(l["Password.ContainsUserName"], ContainsUserNameFallback) });
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>Equal to the user name (ignoring case), or containing a user name of at least three characters.</summary>
    public static bool ContainsUserName(string password, string? userName)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (string.IsNullOrEmpty(userName))
        {
            return false;
        }

        return string.Equals(password, userName, StringComparison.OrdinalIgnoreCase)
            || (userName.Length >= MinimumContainedUserNameLength && password.Contains(userName, StringComparison.OrdinalIgnoreCase));
    }

    private static string Text(LocalizedString localized, string fallback) =>
        localized.ResourceNotFound || string.IsNullOrWhiteSpace(localized.Value) ? fallback : localized.Value;

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(CommonPasswordValidator).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0)
            {
                passwords.Add(entry.ToLowerInvariant());
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
