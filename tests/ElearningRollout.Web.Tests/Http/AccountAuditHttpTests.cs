using System.Net;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>
/// Issue 14, item 10: every change of a person's own credentials, every step of a two-factor sign-in and the first
/// administrator's creation are in the audit trail with the client address (the test server has no socket: every
/// request comes from <see cref="ClientAddress"/>).
/// </summary>
public sealed partial class AccountAuditHttpTests : IAsyncLifetime
{
    private const string ClientAddress = "192.0.2.44";
    private const string NewPassword = "a completely new passphrase 14";
    private readonly FixedClientApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Two_factor_set_up_sign_in_steps_and_password_changes_are_audited_with_the_client_address()
    {
        var client = await SignedInClient.SignInAsync(_app, DemoLogins.ItLead);
        var key = SharedKey().Match(await client.GetStringAsync("/Account/Manage/EnableAuthenticator")).Groups["key"].Value;
        await SignedInClient.PostFormAsync(client, "/Account/Manage/EnableAuthenticator", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var codesPage = await (await SignedInClient.PostFormAsync(client, "/Account/Manage/GenerateRecoveryCodes", [])).Content.ReadAsStringAsync();
        var recoveryCode = RecoveryCode().Match(codesPage).Groups["code"].Value;
        Assert.NotEmpty(recoveryCode);

        var next = SignedInClient.Anonymous(_app);
        var password = await SignedInClient.PostLoginAsync(next, DemoLogins.ItLead, DemoLogins.Password);
        var twoFactorPage = password.Headers.Location!.OriginalString;
        await SignedInClient.PostFormAsync(next, twoFactorPage, new() { ["Input.TwoFactorCode"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        var recovered = await SignedInClient.PostFormAsync(next, "/Account/LoginWithRecoveryCode", new() { ["Input.RecoveryCode"] = recoveryCode });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);

        await SignedInClient.PostFormAsync(next, "/Account/Manage/ChangePassword", new()
        {
            ["Input.OldPassword"] = DemoLogins.Password, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });
        await SignedInClient.PostFormAsync(next, "/Account/Manage/ResetAuthenticator", []);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/rollouts")).StatusCode);

        var trail = await AccountTrailAsync(DemoLogins.ItLead);
        Assert.Equal(
            ["SignedIn", "TwoFactorEnabled", "RecoveryCodesGenerated", "RecoveryCodesGenerated", "PasswordAccepted", "TwoFactorFailed",
                "SignedInWithRecoveryCode", "PasswordChanged", "AuthenticatorReset"],
            trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal($$"""{"ClientAddress":"{{ClientAddress}}"}""", e.After));
    }

    [Fact]
    public async Task Disabling_two_factor_is_audited_and_keeps_the_session()
    {
        var client = await SignedInClient.SignInAsync(_app, DemoLogins.Executive);
        var key = SharedKey().Match(await client.GetStringAsync("/Account/Manage/EnableAuthenticator")).Groups["key"].Value;
        await SignedInClient.PostFormAsync(client, "/Account/Manage/EnableAuthenticator", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        await SignedInClient.PostFormAsync(client, "/Account/Manage/Disable2fa", []);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rollouts")).StatusCode);
        Assert.Equal("TwoFactorDisabled", (await AccountTrailAsync(DemoLogins.Executive)).Last().Action);
    }

    [Fact]
    public async Task Signing_out_is_audited_like_signing_in()
    {
        var client = await SignedInClient.SignInAsync(_app, DemoLogins.Training);
        var token = AntiforgeryField().Match(await client.GetStringAsync("/Account/Login")).Groups["value"].Value;

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var trail = await AccountTrailAsync(DemoLogins.Training);
        Assert.Equal(["SignedIn", "SignedOut"], trail.Select(e => e.Action));
        Assert.Equal(trail[0].UserName, trail[1].UserName);
        Assert.Equal($$"""{"ClientAddress":"{{ClientAddress}}"}""", trail[1].After);
    }

    [Fact]
    public async Task Create_admin_is_audited()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<AdministratorBootstrap>()
                .CreateAsync("second.admin@example.test", "Second Admin", "another long passphrase 2026"));
        }

        var created = Assert.Single(await AccountTrailAsync("second.admin@example.test"));
        Assert.Equal("AdministratorCreated", created.Action);
        Assert.Contains("create-admin", created.After, StringComparison.Ordinal);
    }

    private async Task<List<Application.Audit.AuditEntry>> AccountTrailAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElearningRolloutDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.AuditEntries.Where(a => a.EntityType == "Account" && a.EntityId == userId).OrderBy(a => a.Id).ToListAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<kbd>(?<key>[a-z0-9 ]+)</kbd>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<code class=\"recovery-code\">(?<code>[^<]+)</code>")]
    private static partial Regex RecoveryCode();

    private sealed class FixedClientApp : ProductAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new FixedClientAddress()));
        }
    }

    private sealed class FixedClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ClientAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
