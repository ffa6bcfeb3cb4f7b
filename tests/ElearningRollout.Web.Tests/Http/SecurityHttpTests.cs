using System.Net;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>What the app tells browsers, and how it treats sign-in attempts, over real HTTP.</summary>
public sealed class SecurityHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await SignedInClient.Anonymous(app).GetAsync(path);

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Sign_in_attempts_are_in_the_audit_trail_without_the_password()
    {
        var client = SignedInClient.Anonymous(app);
        await SignedInClient.PostLoginAsync(client, DemoLogins.Training2, "a wrong password here");
        await SignedInClient.PostLoginAsync(client, DemoLogins.Training2, DemoLogins.Password);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElearningRolloutDbContext>();
        var attempts = await db.AuditEntries.Where(a => a.EntityType == "Account" && a.UserName == "Theo Trainer")
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Before, a.After }).ToListAsync();
        Assert.Equal(["WrongPassword", "SignedIn"], attempts.Select(a => a.Action));
        Assert.All(attempts, a => Assert.Null(a.After));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_even_with_the_right_password()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Application.Identity.ApplicationUser>>();
            var user = (await users.FindByEmailAsync(DemoLogins.ItLead2))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        }

        var client = SignedInClient.Anonymous(app);
        var response = await SignedInClient.PostLoginAsync(client, DemoLogins.ItLead2, DemoLogins.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The e-mail or password is not right.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database()
    {
        await SignedInClient.SignInAsync(app, DemoLogins.Executive);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElearningRolloutDbContext>();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }
}

/// <summary>The per-address sign-in limit, with a small limit so the test stays quick.</summary>
public sealed class SignInRateLimitHttpTests : IAsyncLifetime
{
    private readonly ProductAppFactory _app = new() { SignInAttemptsPerMinute = 3 };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Past_the_limit_sign_in_posts_get_429_with_a_plain_message_and_the_page_still_opens()
    {
        var client = SignedInClient.Anonymous(_app);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await SignedInClient.PostLoginAsync(client, DemoLogins.Admin, "wrong password " + attempt)).StatusCode);
        }

        var refused = await SignedInClient.PostLoginAsync(client, DemoLogins.Admin, DemoLogins.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }
}
