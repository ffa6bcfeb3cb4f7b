using System.Net;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>The real app over HTTP: who gets where, health, and the sign-in rules.</summary>
public sealed class FoundationHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/rollouts")]
    [InlineData("/admin/users")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var response = await SignedInClient.Anonymous(app).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_healthy_with_the_database_reachable()
    {
        var response = await SignedInClient.Anonymous(app).GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Liveness_and_readiness_report_healthy_on_a_migrated_database(string path)
    {
        var response = await SignedInClient.Anonymous(app).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_training_manager_is_denied_the_administration_pages()
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.Training);

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var denied = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("Access denied", denied, StringComparison.Ordinal);
        Assert.Contains("page is for administrators", denied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_opens_the_user_list()
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.Admin);

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The page's title, which js/document-title.js puts in the head (DocumentTitle).
        Assert.Contains("data-document-title=\"Users · ElearningRollout\"", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_plain_message_and_no_session()
    {
        var client = SignedInClient.Anonymous(app);

        var response = await SignedInClient.PostLoginAsync(client, DemoLogins.Executive, "not the right password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The e-mail or password is not right.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_fifth_wrong_password_locks_the_account()
    {
        var client = SignedInClient.Anonymous(app);
        HttpResponseMessage response = new();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            response = await SignedInClient.PostLoginAsync(client, DemoLogins.ItLead2, $"wrong password {attempt}");
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/Lockout", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var withRightPassword = await SignedInClient.PostLoginAsync(client, DemoLogins.ItLead2, DemoLogins.Password);
        Assert.EndsWith("/Account/Lockout", withRightPassword.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_and_assets_come_from_the_app_itself_never_from_a_CDN()
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.Admin);

        var html = await client.GetStringAsync("/");

        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Contains("_content/MudBlazor/MudBlazor.min.", html, StringComparison.Ordinal);
    }
}
