using System.Net;
using System.Text.RegularExpressions;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>Hostile or stale addresses on the account endpoints are answered with a redirect, never a 500 or an open redirect.</summary>
public sealed partial class AccountRedirectHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Theory]
    [InlineData("//evil.example")]
    [InlineData("http://evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/admin")]
    [InlineData("javascript:alert(1)")]
    public async Task A_non_local_return_url_after_sign_in_goes_home(string returnUrl)
    {
        var client = SignedInClient.Anonymous(app);

        var response = await SignedInClient.PostFormAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            new() { ["Input.Email"] = DemoLogins.Executive, ["Input.Password"] = DemoLogins.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.AbsolutePath);
        Assert.Equal("localhost", response.Headers.Location.IsAbsoluteUri ? response.Headers.Location.Host : "localhost");
    }

    [Theory]
    [InlineData("/rollouts", "/rollouts")]
    [InlineData("http://localhost/rollouts", "/rollouts")]
    public async Task A_local_return_url_is_followed(string returnUrl, string expected)
    {
        var client = SignedInClient.Anonymous(app);

        var response = await SignedInClient.PostFormAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            new() { ["Input.Email"] = DemoLogins.Executive, ["Input.Password"] = DemoLogins.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString);
    }

    [Theory]
    [InlineData("//evil.example", "/")]
    [InlineData("http://evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/Account/Login", "/Account/Login")]
    public async Task A_non_local_sign_out_return_url_goes_home(string returnUrl, string expected)
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.Executive);
        var token = AntiforgeryField().Match(await client.GetStringAsync("/Account/Login")).Groups["value"].Value;

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["returnUrl"] = returnUrl,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/Account/LoginWith2fa")]
    [InlineData("/Account/LoginWithRecoveryCode")]
    public async Task The_two_factor_step_without_the_password_step_goes_to_sign_in(string path)
    {
        var response = await SignedInClient.Anonymous(app).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString);
    }

    [Theory]
    [InlineData("/Account/Manage/Disable2fa")]
    [InlineData("/Account/Manage/GenerateRecoveryCodes")]
    public async Task A_two_factor_page_opened_while_two_factor_is_off_goes_to_the_two_factor_page_with_a_message(string path)
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.Training2);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage/TwoFactorAuthentication",
            response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString);
        var page = await client.GetStringAsync("/Account/Manage/TwoFactorAuthentication");
        Assert.Contains("Two-factor authentication is not enabled", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
