using System.Net;
using ElearningRollout.Application.Identity;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>
/// Issue 14, item 11: X-Forwarded-For/Proto are believed from the configured proxy only, so the per-address limit on
/// sign-in and code entry counts real clients; the two-factor pages and change-password are limited too.
/// The test server has no socket, so each request names its peer address in <see cref="PeerHeader"/>.
/// </summary>
public sealed class ProxyForwardingHttpTests : IAsyncLifetime
{
    private const string PeerHeader = "X-Test-Peer";
    private const string Proxy = "10.20.30.40";
    private const string Stranger = "198.51.100.7";
    private readonly BehindProxyApp _app = new() { SignInAttemptsPerMinute = 2 };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Behind_the_trusted_proxy_each_forwarded_client_has_its_own_sign_in_limit()
    {
        var first = Client(Proxy, forwardedFor: "203.0.113.1");
        var second = Client(Proxy, forwardedFor: "203.0.113.2");

        await WrongPasswordAsync(first);
        await WrongPasswordAsync(first);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await WrongPasswordAsync(first)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await WrongPasswordAsync(second)).StatusCode);
    }

    [Fact]
    public async Task A_forwarded_header_from_an_untrusted_address_is_ignored()
    {
        var first = Client(Stranger, forwardedFor: "203.0.113.3");
        var pretendingToBeAnother = Client(Stranger, forwardedFor: "203.0.113.4");

        await WrongPasswordAsync(first);
        await WrongPasswordAsync(first);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await WrongPasswordAsync(pretendingToBeAnother)).StatusCode);
    }

    [Theory]
    [InlineData(Proxy, true)]
    [InlineData(Stranger, false)]
    public async Task Https_at_the_proxy_counts_only_when_the_proxy_is_trusted(string peer, bool secure)
    {
        var client = Client(peer, forwardedFor: "203.0.113.5");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/Account/Login");

        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Equal(secure, antiforgery.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/Account/LoginWith2fa", "203.0.113.10")]
    [InlineData("/Account/LoginWithRecoveryCode", "203.0.113.11")]
    public async Task Code_entry_posts_are_limited_per_client(string path, string clientAddress)
    {
        var client = Client(Proxy, clientAddress);
        await PostThriceAsync(client, path);
    }

    [Fact]
    public async Task Change_password_posts_are_limited_per_client()
    {
        var client = Client(Proxy, "203.0.113.12");
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClient.PostLoginAsync(client, DemoLogins.Executive, DemoLogins.Password)).StatusCode);
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.13");

        await PostThriceAsync(client, "/Account/Manage/ChangePassword");
    }

    private static async Task PostThriceAsync(HttpClient client, string path)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Code"] = "123456" });

        await client.PostAsync(path, form);
        await client.PostAsync(path, form);
        var third = await client.PostAsync(path, form);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    private HttpClient Client(string peer, string forwardedFor)
    {
        var client = SignedInClient.Anonymous(_app);
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private static Task<HttpResponseMessage> WrongPasswordAsync(HttpClient client)
        => SignedInClient.PostLoginAsync(client, "nobody@example.test", "not the password at all");

    private sealed class BehindProxyApp : ProductAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:KnownProxies", Proxy);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new PeerAddressFromHeader()));
        }
    }

    private sealed class PeerAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Issue 14, item 11: wrong current passwords on change-password count towards the lockout.</summary>
public sealed class ChangePasswordLockoutHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Fact]
    public async Task Five_wrong_current_passwords_lock_the_account_and_end_the_session()
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.Training2);
        HttpResponseMessage response = new();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            response = await SignedInClient.PostFormAsync(client, "/Account/Manage/ChangePassword", new()
            {
                ["Input.OldPassword"] = $"not my password {attempt}",
                ["Input.NewPassword"] = "a brand new passphrase 2026",
                ["Input.ConfirmPassword"] = "a brand new passphrase 2026",
            });
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/Lockout", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(DemoLogins.Training2))!));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/rollouts")).StatusCode);
    }
}
