using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Admin.Users;

/// <summary>
/// One-time temporary passwords: 20 characters from a CSPRNG over 56 unambiguous letters and digits (about 116 bits), in groups
/// of five for reading aloud, e.g. <c>Hq7mT-4kPzw-9XcRb-e2NfL</c> (23 characters). Never stored in clear, never logged.
/// </summary>
public static class TemporaryPassword
{
    public const int RandomCharacters = 20;
    private const int GroupSize = 5;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Generate()
    {
        var raw = RandomNumberGenerator.GetString(Alphabet, RandomCharacters);
        return string.Join('-', Enumerable.Range(0, RandomCharacters / GroupSize).Select(i => raw.Substring(i * GroupSize, GroupSize)));
    }

    /// <summary>A password that the portal's password validators accept for <paramref name="user"/> (e.g. it must not contain the user name).</summary>
    public static async Task<string> GenerateForAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var password = Generate();
            var accepted = true;
            foreach (var validator in users.PasswordValidators)
            {
                accepted &= (await validator.ValidateAsync(users, user, password)).Succeeded;
            }

            if (accepted)
            {
                return password;
            }
        }

        throw new InvalidOperationException("No temporary password passed the password validators.");
    }
}
