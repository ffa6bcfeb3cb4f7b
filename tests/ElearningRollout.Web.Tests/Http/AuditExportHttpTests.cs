using System.Net;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Web.Tests.Http;

public sealed class AuditExportHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Fact]
    public async Task An_administrator_downloads_the_filtered_audit_log_as_CSV()
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.Admin);

        var response = await client.GetAsync("/admin/audit/export.csv?entityType=Account&action=SignedIn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Id,AtUtc,User,EntityType,EntityId,Action,Before,After", lines[0]);
        Assert.Contains(lines.Skip(1), l => l.Contains("\"Alex Admin\",\"Account\"", StringComparison.Ordinal) && l.Contains("\"SignedIn\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Others_are_refused_the_export()
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.ItLead);

        var response = await client.GetAsync("/admin/audit/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
