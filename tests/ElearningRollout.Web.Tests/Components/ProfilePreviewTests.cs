using Bunit;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Web.Components.Pages.Rollouts;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

public sealed class ProfilePreviewTests
{
    private const string IntegrationGate = "Integration and content standards";

    private static readonly GateTemplateSet Templates = new(BuiltInGateTemplates.Create(DateTimeOffset.UnixEpoch));

    [Fact]
    public async Task Vendor_hosted_with_no_integration_previews_light_involvement_without_the_integration_gate()
    {
        await using var ctx = NewContext();

        var preview = ctx.Render<ProfilePreview>(p => p
            .AddCascadingValue(Templates)
            .Add(x => x.HostingModel, HostingModel.VendorHostedSaas)
            .Add(x => x.Integrations, Integrations.None)
            .Add(x => x.ContentSource, ContentSource.InHouse));

        Assert.Equal("Light", preview.Find("[data-testid=profile-name]").TextContent.Trim());
        Assert.DoesNotContain(IntegrationGate, preview.Find("[data-testid=required-gates]").TextContent);
    }

    [Fact]
    public async Task It_hosted_previews_deep_involvement_with_the_integration_gate_and_the_phase_it_guards()
    {
        await using var ctx = NewContext();

        var preview = ctx.Render<ProfilePreview>(p => p
            .AddCascadingValue(Templates)
            .Add(x => x.HostingModel, HostingModel.ItHostedOnPremises)
            .Add(x => x.Integrations, Integrations.None)
            .Add(x => x.ContentSource, ContentSource.InHouse));

        Assert.Equal("Deep", preview.Find("[data-testid=profile-name]").TextContent.Trim());
        Assert.Contains(
            $"{IntegrationGate} — at the exit of Design and build",
            preview.FindAll("[data-testid=required-gates] li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Changing_hosting_or_integrations_updates_the_preview_at_once()
    {
        await using var ctx = NewContext();
        var preview = ctx.Render<ProfilePreview>(p => p
            .AddCascadingValue(Templates)
            .Add(x => x.HostingModel, HostingModel.VendorHostedSaas)
            .Add(x => x.Integrations, Integrations.None)
            .Add(x => x.ContentSource, ContentSource.InHouse));

        preview.Render(p => p.Add(x => x.Integrations, Integrations.HrisFeed));

        Assert.Equal("Deep", preview.Find("[data-testid=profile-name]").TextContent.Trim());
        Assert.Contains(IntegrationGate, preview.Find("[data-testid=required-gates]").TextContent);

        preview.Render(p => p.Add(x => x.Integrations, Integrations.Sso).Add(x => x.HostingModel, HostingModel.Hybrid));

        Assert.Equal("Standard", preview.Find("[data-testid=profile-name]").TextContent.Trim());
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
