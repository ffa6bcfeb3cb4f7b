using System.Net;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.TestIdentityProvider;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Provider = ElearningRollout.TestIdentityProvider.TestIdentityProvider;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>
/// Issue 15: single sign-on with OpenID Connect, over HTTP against the real app (test server) and a real OpenIddict
/// provider on a loopback port: the browser's redirects are followed by hand, the product redeems the code over the
/// network. Each test has its own app (its own database and settings).
/// </summary>
public sealed partial class SingleSignOnHttpTests : IAsyncLifetime
{
    private Provider _provider = default!;
    private readonly List<ProductAppFactory> _apps = [];

    public async Task InitializeAsync() => _provider = await Provider.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _provider.DisposeAsync();
    }

    private sealed record Person(string Email, bool EmailVerified = true, string Name = "Pat Person", string Roles = "", string Groups = "", string Department = "");

    [Fact]
    public async Task Without_single_sign_on_the_sign_in_page_is_the_local_one_and_the_external_endpoint_goes_back_to_it()
    {
        var app = App(sso: false);
        var client = Client(app);

        var page = await client.GetStringAsync("/Account/Login");
        Assert.DoesNotContain("Sign in with", page, StringComparison.Ordinal);
        var external = await client.PostAsync("/Account/ExternalLogin", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Antiforgery(page) }));
        Assert.Equal("/Account/Login", external.Headers.Location?.OriginalString);

        var signedIn = await SignedInClient.SignInAsync(app, DemoLogins.Training);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/rollouts")).StatusCode);
    }

    [Fact]
    public async Task A_verified_email_links_the_existing_account_once_and_signs_in_with_the_products_cookie()
    {
        var app = App();
        var client = Client(app);
        var signInPage = await client.GetAsync("/Account/Login");
        Assert.Contains("Sign in with Test SSO", await signInPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The form's redirect to the provider is a form action too: its origin (and only it) is allowed.
        Assert.Contains($"form-action 'self' {_provider.Authority.GetLeftPart(UriPartial.Authority)};", signInPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var landed = await SignInThroughProviderAsync(client, new Person(DemoLogins.Training), returnUrl: "/rollouts");

        Assert.Equal("/rollouts", landed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rollouts")).StatusCode);
        Assert.Contains("Test SSO", await client.GetStringAsync("/Account/Manage"), StringComparison.Ordinal);

        // A second sign-in uses the link; it is not linked again.
        var again = Client(app);
        await SignInThroughProviderAsync(again, new Person(DemoLogins.Training));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/rollouts")).StatusCode);
        Assert.Single(await LoginsAsync(app, DemoLogins.Training));
        Assert.Equal(["ProviderLoginLinked", "SignedInWithProvider", "SignedInWithProvider"], (await TrailAsync(app, DemoLogins.Training)).Select(e => e.Action));
    }

    [Fact]
    public async Task An_unverified_email_is_not_linked_to_the_existing_account_and_the_person_is_told_why()
    {
        var app = App();
        var client = Client(app);

        var landed = await SignInThroughProviderAsync(client, new Person(DemoLogins.Training, EmailVerified: false));

        Assert.Equal("/Account/Login?externalError=EmailNotVerified", landed.Headers.Location?.OriginalString);
        Assert.Contains("has not verified your e-mail address", await client.GetStringAsync(landed.Headers.Location!.OriginalString), StringComparison.Ordinal);
        await AssertNotSignedInAsync(client);
        Assert.Empty(await LoginsAsync(app, DemoLogins.Training));
        var refusal = Assert.Single(await TrailAsync(app, DemoLogins.Training));
        Assert.Equal(nameof(SignInOutcome.ProviderSignInRefused), refusal.Action);
        Assert.Contains("EmailNotVerified", refusal.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_operator_trusts_the_providers_email_an_unverified_one_links()
    {
        var app = App(("Authentication:Oidc:TrustEmail", "true"));
        var client = Client(app);

        await SignInThroughProviderAsync(client, new Person(DemoLogins.ItLead, EmailVerified: false));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rollouts")).StatusCode);
        Assert.Single(await LoginsAsync(app, DemoLogins.ItLead));
        Assert.Contains("trusted by setting", (await TrailAsync(app, DemoLogins.ItLead)).First(e => e.Action == "ProviderLoginLinked").After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_person_is_refused_while_just_in_time_creation_is_off()
    {
        var app = App();
        var client = Client(app);

        var landed = await SignInThroughProviderAsync(client, new Person("new.person@elearning.test", Roles: "Rollout.Trainer", Department: Departments.Training));

        Assert.Equal("/Account/Login?externalError=NoAccount", landed.Headers.Location?.OriginalString);
        Assert.Contains("There is no account for you here yet", await client.GetStringAsync(landed.Headers.Location!.OriginalString), StringComparison.Ordinal);
        await AssertNotSignedInAsync(client);
        Assert.Null(await FindAsync(app, "new.person@elearning.test"));
        Assert.Contains(await AnonymousTrailAsync(app), e => e.Action == nameof(SignInOutcome.ProviderSignInRefused) && e.After!.Contains("NoAccount", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Just_in_time_creation_makes_the_account_with_the_mapped_roles_and_department()
    {
        var app = App(
            ("Authentication:Oidc:CreateAccounts", "true"),
            ("Authentication:Oidc:RoleMap:Rollout.Trainer", Roles.TrainingManager),
            ("Authentication:Oidc:RoleMap:6a1f0c4e-0000-4000-8000-00000000e1ec", Roles.Executive),
            ("Authentication:Oidc:RoleMap:Unrelated.Role", Roles.ItLead));
        var client = Client(app);

        await SignInThroughProviderAsync(client, new Person("nora.new@elearning.test", Name: "Nora New",
            Roles: "Rollout.Trainer,Something.Else", Groups: "6a1f0c4e-0000-4000-8000-00000000e1ec", Department: Departments.Leadership));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rollouts")).StatusCode);
        var (user, roles, department) = await AccountAsync(app, "nora.new@elearning.test");
        Assert.Equal("Nora New", user.DisplayName);
        Assert.Equal([Roles.Executive, Roles.TrainingManager], roles.Order());
        Assert.Equal(Departments.Leadership, department);
        Assert.Null(user.PasswordHash);
        Assert.Equal(["AccountCreatedAtSignIn", "SignedInWithProvider"], (await TrailAsync(app, "nora.new@elearning.test")).Select(e => e.Action));
    }

    [Fact]
    public async Task With_the_provider_as_role_source_roles_and_department_follow_the_claims_at_every_sign_in_audited()
    {
        var app = App(
            ("Authentication:Oidc:CreateAccounts", "true"),
            ("Authentication:Oidc:RoleSource", "Provider"),
            ("Authentication:Oidc:RoleMap:Rollout.Trainer", Roles.TrainingManager),
            ("Authentication:Oidc:RoleMap:Rollout.It", Roles.ItLead));
        await SignInThroughProviderAsync(Client(app), new Person("role.changer@elearning.test", Roles: "Rollout.Trainer", Department: Departments.Training));

        var second = Client(app);
        await SignInThroughProviderAsync(second, new Person("role.changer@elearning.test", Roles: "Rollout.It", Department: Departments.It));

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/rollouts")).StatusCode);
        var (_, roles, department) = await AccountAsync(app, "role.changer@elearning.test");
        Assert.Equal([Roles.ItLead], roles);
        Assert.Equal(Departments.It, department);
        var trail = await TrailAsync(app, "role.changer@elearning.test");
        var change = Assert.Single(trail, e => e.Action == "RolesChangedFromClaims");
        Assert.Contains("\"Before\":\"TrainingManager\"", change.After, StringComparison.Ordinal);
        Assert.Contains("\"After\":\"ItLead\"", change.After, StringComparison.Ordinal);
        Assert.Single(trail, e => e.Action == "DepartmentChangedFromClaims");
    }

    [Fact]
    public async Task With_roles_managed_in_the_product_a_linked_account_keeps_its_roles_whatever_the_claims_say()
    {
        var app = App(("Authentication:Oidc:RoleMap:Rollout.Admin", Roles.Administrator));

        await SignInThroughProviderAsync(Client(app), new Person(DemoLogins.Training, Roles: "Rollout.Admin"));

        Assert.Equal([Roles.TrainingManager], (await AccountAsync(app, DemoLogins.Training)).Roles);
    }

    [Theory]
    [InlineData(Misbehaviour.WrongAudience, "wrong audience")]
    [InlineData(Misbehaviour.BadSignature, "bad signature")]
    [InlineData(Misbehaviour.Expired, "expired")]
    [InlineData(Misbehaviour.WrongNonce, "wrong nonce")]
    public async Task A_spoiled_identity_token_is_refused_with_a_clear_message_no_session_and_an_audit_entry(Misbehaviour misbehaviour, string reason)
    {
        var app = App();
        var client = Client(app);
        _provider.Misbehaviour = misbehaviour;

        var landed = await SignInThroughProviderAsync(client, new Person(DemoLogins.Training));

        Assert.Equal("/Account/Login?externalError=ProviderAnswerInvalid", landed.Headers.Location?.OriginalString);
        Assert.Contains("could not be trusted", await client.GetStringAsync(landed.Headers.Location!.OriginalString), StringComparison.Ordinal);
        await AssertNotSignedInAsync(client);
        Assert.Empty(await LoginsAsync(app, DemoLogins.Training));
        Assert.Contains(await AnonymousTrailAsync(app), e => e.Action == nameof(SignInOutcome.ProviderSignInRefused) && e.After!.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_account_is_refused()
    {
        var app = App();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(DemoLogins.Executive))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        }

        var client = Client(app);
        var landed = await SignInThroughProviderAsync(client, new Person(DemoLogins.Executive));

        Assert.Equal("/Account/Login?externalError=AccountDisabled", landed.Headers.Location?.OriginalString);
        await AssertNotSignedInAsync(client);
    }

    [Fact]
    public async Task With_local_passwords_for_administrators_only_a_right_password_of_anyone_else_gets_no_session()
    {
        var app = App(("Authentication:Oidc:LocalPasswordsForAdministratorsOnly", "true"));

        var person = Client(app);
        var refused = await SignedInClient.PostLoginAsync(person, DemoLogins.Training, DemoLogins.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Password sign-in is turned off for this account", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNotSignedInAsync(person);
        Assert.Equal(nameof(SignInOutcome.LocalPasswordRefused), (await TrailAsync(app, DemoLogins.Training)).Last().Action);

        // A wrong password gets the usual answer: nothing tells which accounts are administrators'.
        var wrong = await SignedInClient.PostLoginAsync(Client(app), DemoLogins.Training, "not the password at all");
        Assert.Contains("The e-mail or password is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var admin = await SignedInClient.SignInAsync(app, DemoLogins.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/rollouts")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_signing_in_through_the_provider_still_needs_the_products_second_factor()
    {
        var app = App(requireTwoFactorForAdministrators: true);
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = (await users.FindByEmailAsync(DemoLogins.Admin))!;
            await users.ResetAuthenticatorKeyAsync(admin);
            await users.SetTwoFactorEnabledAsync(admin, true);
            key = (await users.GetAuthenticatorKeyAsync(admin))!;
        }

        var client = Client(app);
        var landed = await SignInThroughProviderAsync(client, new Person(DemoLogins.Admin), returnUrl: "/admin/users");

        Assert.StartsWith("/Account/LoginWith2fa", landed.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await AssertNotSignedInAsync(client);
        var secondFactor = await SignedInClient.PostFormAsync(client, landed.Headers.Location!.OriginalString, new() { ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, secondFactor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(["ProviderLoginLinked", "ProviderAccepted", "SignedIn"], (await TrailAsync(app, DemoLogins.Admin)).Select(e => e.Action));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        var app = App();
        var client = Client(app);
        await SignInThroughProviderAsync(client, new Person(DemoLogins.Training));
        var page = await client.GetStringAsync("/Account/Manage");

        var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Antiforgery(page) }));
        var endSession = signOut.Headers.Location!;
        Assert.StartsWith(new Uri(_provider.Authority, "connect/endsession").ToString(), endSession.ToString(), StringComparison.Ordinal);
        using var browser = Browser();
        var back = await browser.GetAsync(endSession);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = await client.GetAsync(back.Headers.Location!.PathAndQuery);

        Assert.Equal("/Account/Login", callback.Headers.Location?.OriginalString);
        Assert.Equal(1, _provider.EndSessionRequests);
        await AssertNotSignedInAsync(client);
    }

    [Fact]
    public async Task Outside_Development_an_http_authority_or_a_missing_client_secret_stops_the_start_unless_accepted()
    {
        var unsafeApp = App(("Authentication:Oidc:ClientSecret", ""));
        var production = new ProductAppFactory { EnvironmentName = "Production", Settings = unsafeApp.Settings };
        _apps.Add(production);
        var refusal = Assert.ThrowsAny<Exception>(() => production.Services);
        var message = Flatten(refusal);
        Assert.Contains("Authentication:Oidc:Authority is not https", message, StringComparison.Ordinal);
        Assert.Contains("Authentication:Oidc:ClientSecret is empty", message, StringComparison.Ordinal);

        var accepted = new ProductAppFactory
        {
            EnvironmentName = "Production",
            Settings = new Dictionary<string, string?>(unsafeApp.Settings) { ["Authentication:Oidc:AllowUnsafeConfiguration"] = "true" },
        };
        _apps.Add(accepted);
        Assert.NotNull(accepted.Services.GetRequiredService<ElearningRollout.Web.Hosting.SingleSignOnSettings>());
    }

    private static string Flatten(Exception exception)
        => exception.InnerException is null ? exception.Message : exception.Message + " " + Flatten(exception.InnerException);

    /// <summary>The browser's way through: the button, the provider's page with the person's fields, back to /signin-oidc, the callback.</summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient client, Person person, string returnUrl = "/")
    {
        var page = await client.GetStringAsync("/Account/Login");
        var challenge = await client.PostAsync("/Account/ExternalLogin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery(page),
            ["returnUrl"] = returnUrl,
        }));
        var authorize = challenge.Headers.Location ?? throw new InvalidOperationException($"No redirect to the provider: {challenge.StatusCode}");
        Assert.StartsWith(new Uri(_provider.Authority, "connect/authorize").ToString(), authorize.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("S256", query["code_challenge_method"].ToString());

        using var browser = Browser();
        var providerPage = await browser.GetStringAsync(authorize);
        var form = HiddenInput().Matches(providerPage).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        form[Provider.Fields.Email] = person.Email;
        form[Provider.Fields.Name] = person.Name;
        form[Provider.Fields.Roles] = person.Roles;
        form[Provider.Fields.Groups] = person.Groups;
        form[Provider.Fields.Department] = person.Department;
        form[Provider.Fields.SignIn] = "1";
        if (person.EmailVerified)
        {
            form[Provider.Fields.EmailVerified] = "true";
        }

        var answer = await browser.PostAsync(new Uri(_provider.Authority, "connect/authorize"), new FormUrlEncodedContent(form));
        var back = answer.Headers.Location ?? throw new InvalidOperationException($"The provider did not send the browser back: {answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        Assert.Equal("/signin-oidc", back.AbsolutePath);
        var redeemed = await client.GetAsync(back.PathAndQuery);
        if (redeemed.Headers.Location?.OriginalString.StartsWith("/Account/ExternalLoginCallback", StringComparison.Ordinal) != true)
        {
            return redeemed;
        }

        return await client.GetAsync(redeemed.Headers.Location.OriginalString);
    }

    private ProductAppFactory App(params (string Key, string? Value)[] settings) => App(true, false, settings);

    private ProductAppFactory App(bool sso, params (string Key, string? Value)[] settings) => App(sso, false, settings);

    private ProductAppFactory App(bool requireTwoFactorForAdministrators) => App(true, requireTwoFactorForAdministrators, []);

    private ProductAppFactory App(bool sso, bool requireTwoFactorForAdministrators, (string Key, string? Value)[] settings)
    {
        var all = sso ? _provider.ProductSettings() : [];
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var app = new ProductAppFactory { Settings = all, RequireTwoFactorForAdministrators = requireTwoFactorForAdministrators };
        _apps.Add(app);
        return app;
    }

    // https: the handler's correlation and nonce cookies are Secure, and a cookie jar sends them over https only.
    private static HttpClient Client(ProductAppFactory app)
        => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    /// <summary>The browser's side towards the provider (which keeps no session of its own).</summary>
    private static HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false });

    private static async Task AssertNotSignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/rollouts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static string Antiforgery(string page)
        => WebUtility.HtmlDecode(AntiforgeryInput().Match(page).Groups["value"].Value);

    private static async Task<ApplicationUser?> FindAsync(ProductAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
    }

    private static async Task<IList<UserLoginInfo>> LoginsAsync(ProductAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetLoginsAsync((await users.FindByEmailAsync(email))!);
    }

    private static async Task<(ApplicationUser User, IList<string> Roles, string Department)> AccountAsync(ProductAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var db = scope.ServiceProvider.GetRequiredService<ElearningRolloutDbContext>();
        var department = await db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Name).SingleAsync();
        return (user, await users.GetRolesAsync(user), department);
    }

    private static async Task<List<AuditEntry>> TrailAsync(ProductAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElearningRolloutDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.AuditEntries.Where(e => e.EntityType == "Account" && e.EntityId == userId && e.UserId == userId)
            .OrderBy(e => e.Id).ToListAsync();
    }

    private static async Task<List<AuditEntry>> AnonymousTrailAsync(ProductAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElearningRolloutDbContext>();
        return await db.AuditEntries.Where(e => e.EntityType == "Account" && e.UserId == null).OrderBy(e => e.Id).ToListAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
