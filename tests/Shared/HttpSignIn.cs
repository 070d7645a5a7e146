using System.Net;
using System.Text.RegularExpressions;

namespace SmartCity.Testing;

/// <summary>Signs in through the real sign-in form (antiforgery token and all), leaving the cookie in the client.</summary>
public static partial class HttpSignIn
{
    public const string DemoPassword = "SmartCity-Demo-2026!";

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password = DemoPassword)
    {
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        return response;
    }

    public static async Task SignInOrThrowAsync(HttpClient client, string userName)
    {
        using var response = await SignInAsync(client, userName);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode}.");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
