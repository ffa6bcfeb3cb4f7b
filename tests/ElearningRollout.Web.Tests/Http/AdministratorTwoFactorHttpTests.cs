using System.Net;
using System.Text.RegularExpressions;
using ElearningRollout.Tests.Shared;
using ElearningRollout.Web.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>With the requirement on (as in Production), an administrator reaches administration only after signing in with two factors.</summary>
public sealed partial class AdministratorTwoFactorHttpTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ProductAppFactory _app;

    public AdministratorTwoFactorHttpTests() => _app = new ProductAppFactory { RequireTwoFactorForAdministrators = true, Clock = _clock };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_administrator_without_two_factor_is_sent_to_set_it_up_and_then_gets_in()
    {
        var client = await SignedInClient.SignInAsync(_app, DemoLogins.Admin);

        var usersPage = await client.GetAsync("/admin/users");
        var export = await client.GetAsync("/admin/audit/export.csv");
        var setUpPage = await client.GetStringAsync(AdministratorTwoFactorPolicy.SetUpPath);
        Assert.Equal((HttpStatusCode.Redirect, AdministratorTwoFactorPolicy.SetUpPath), (usersPage.StatusCode, usersPage.Headers.Location!.OriginalString));
        Assert.Equal(AdministratorTwoFactorPolicy.SetUpPath, export.Headers.Location!.OriginalString);
        Assert.Contains("Administrators sign in with two factors.", setUpPage, StringComparison.Ordinal);

        var key = await EnableAuthenticatorAsync(client);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        // The security stamp check rebuilds the principal after 5 minutes; the second factor must survive it.
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);

        // Authenticator codes follow the real clock (Identity's TOTP check does not use the app's TimeProvider).
        var next = SignedInClient.Anonymous(_app);
        var password = await SignedInClient.PostLoginAsync(next, DemoLogins.Admin, DemoLogins.Password);
        Assert.Contains("LoginWith2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(next, password.Headers.Location!.OriginalString, "Input.TwoFactorCode", Totp.Code(key, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Other_people_are_not_asked_for_two_factor()
    {
        var client = await SignedInClient.SignInAsync(_app, DemoLogins.Training);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rollouts")).StatusCode);
        Assert.StartsWith("/Account/AccessDenied", (await client.GetAsync("/admin/users")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>Reads the key from the set-up page, as a person would type it into an app, and confirms it with a code.</summary>
    private async Task<string> EnableAuthenticatorAsync(HttpClient client)
    {
        const string Page = "/Account/Manage/EnableAuthenticator";
        var key = SharedKey().Match(await client.GetStringAsync(Page)).Groups["key"].Value;
        var confirmed = await PostFormAsync(client, Page, "Input.Code", Totp.Code(key, DateTimeOffset.UtcNow));
        Assert.Contains("Your authenticator app has been verified.", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return key;
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string field, string value)
        => SignedInClient.PostFormAsync(client, path, new() { [field] = value });

    [GeneratedRegex("<kbd>(?<key>[a-z0-9 ]+)</kbd>")]
    private static partial Regex SharedKey();
}
