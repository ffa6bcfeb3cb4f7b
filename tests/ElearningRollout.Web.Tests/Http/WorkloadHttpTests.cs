using System.Net;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>The IT workload and holiday pages of the real app, as each role opens them (on the demo portfolio).</summary>
public sealed class WorkloadHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Theory]
    [InlineData(DemoLogins.ItLead)]
    [InlineData(DemoLogins.Executive)]
    public async Task IT_leads_and_executives_get_the_workload_per_reviewer(string email)
    {
        var client = await SignedInClient.SignInAsync(app, email);

        var html = await client.GetStringAsync("/workload");

        Assert.Contains("By reviewer", html, StringComparison.Ordinal);
        Assert.Contains("Free review capacity by week", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_training_manager_gets_ITs_totals_and_no_figures_per_person()
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.Training);

        var html = await client.GetStringAsync("/workload");

        Assert.Contains("Free review capacity by week", html, StringComparison.Ordinal);
        Assert.DoesNotContain("By reviewer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"by-reviewer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_signed_out_reaches_the_workload_and_only_administrators_the_holidays()
    {
        var anonymous = await SignedInClient.Anonymous(app).GetAsync("/workload");
        var itLead = await (await SignedInClient.SignInAsync(app, DemoLogins.ItLead)).GetAsync("/admin/holidays");
        var admin = await (await SignedInClient.SignInAsync(app, DemoLogins.Admin)).GetStringAsync("/admin/holidays");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, itLead.StatusCode);
        Assert.Contains("/Account/AccessDenied", itLead.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Add a holiday", admin, StringComparison.Ordinal);
    }
}
