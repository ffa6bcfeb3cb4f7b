using System.Net;
using System.Text.Json;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>
/// The capacity program's diagnostics (Diagnostics:CapacityEndpoints): absent unless switched on, and then for
/// administrators only, since a forced collection pauses the whole process.
/// </summary>
public sealed class CapacityDiagnosticsHttpTests
{
    [Fact]
    public async Task Without_the_setting_there_are_no_diagnostics_even_for_an_administrator()
    {
        await using var app = new ProductAppFactory();
        var client = await SignedInClient.SignInAsync(app, DemoLogins.Admin);

        var read = await client.GetAsync("/diagnostics/capacity");
        var collect = await client.PostAsync("/diagnostics/capacity/collect", null);

        // No such page (the not-found page), and a POST to a path no endpoint has is refused, never a collection.
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.False(collect.IsSuccessStatusCode, $"The collection answered {collect.StatusCode}.");
    }

    [Fact]
    public async Task Switched_on_an_administrator_reads_the_figures_after_a_full_collection_and_others_are_refused()
    {
        await using var app = new ProductAppFactory { Settings = { ["Diagnostics:CapacityEndpoints"] = "true" } };
        var administrator = await SignedInClient.SignInAsync(app, DemoLogins.Admin);
        var itLead = await SignedInClient.SignInAsync(app, DemoLogins.ItLead);

        var refused = await itLead.PostAsync("/diagnostics/capacity/collect", null);
        var collected = await administrator.PostAsync("/diagnostics/capacity/collect", null);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, collected.StatusCode);
        using var figures = JsonDocument.Parse(await collected.Content.ReadAsStringAsync());
        Assert.True(figures.RootElement.GetProperty("managedHeapBytes").GetInt64() > 0);
        Assert.True(figures.RootElement.GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.Equal(0, figures.RootElement.GetProperty("circuits").GetInt32());
    }
}
