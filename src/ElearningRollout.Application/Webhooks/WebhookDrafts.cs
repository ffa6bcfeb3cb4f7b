using FluentValidation;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Webhooks;

/// <summary>The form of a new webhook endpoint.</summary>
public sealed class WebhookEndpointDraft
{
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    public WebhookFlavour Flavour { get; set; } = WebhookFlavour.Standard;

    public HashSet<string> Events { get; set; } = [];
}

public sealed class WebhookEndpointDraftValidator : AbstractValidator<WebhookEndpointDraft>
{
    public WebhookEndpointDraftValidator(IOptionsMonitor<IntegrationOptions> options)
    {
        RuleFor(d => d.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= WebhookEndpoint.MaxNameLength)
            .WithMessage($"Name the endpoint after its receiver, e.g. \"ServiceNow production\" (up to {WebhookEndpoint.MaxNameLength} characters).");
        RuleFor(d => d.Url).Custom((url, context) =>
        {
            if (WebhookUrl.Problem(url, options.CurrentValue.AllowHttpWebhooks) is { } problem)
            {
                context.AddFailure(nameof(WebhookEndpointDraft.Url), problem);
            }
        });
        RuleFor(d => d.Flavour).IsInEnum().WithMessage("Choose the kind of receiver.");
        RuleFor(d => d.Events)
            .Must(events => events is { Count: > 0 } && events.All(WebhookEvents.All.Contains))
            .WithMessage("Choose at least one event.");
    }
}

/// <summary>
/// The form that changes an endpoint: its name, events and address. The kind of receiver stays (a Teams card and a
/// signed event go to different receivers: make a new endpoint). An endpoint whose address is a credential (Teams)
/// shows it masked, so its form starts with <see cref="Url"/> empty, which keeps the address; typing one replaces it.
/// </summary>
public sealed class WebhookEndpointChange
{
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    public HashSet<string> Events { get; set; } = [];

    public static WebhookEndpointChange From(WebhookEndpointRow endpoint) => new()
    {
        Name = endpoint.Name,
        Url = endpoint.UrlIsSecret ? "" : endpoint.Url,
        Events = [.. endpoint.Events],
    };
}

public sealed class WebhookEndpointChangeValidator : AbstractValidator<WebhookEndpointChange>
{
    public WebhookEndpointChangeValidator(IOptionsMonitor<IntegrationOptions> options)
    {
        RuleFor(d => d.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= WebhookEndpoint.MaxNameLength)
            .WithMessage($"Name the endpoint after its receiver, e.g. \"ServiceNow production\" (up to {WebhookEndpoint.MaxNameLength} characters).");

        // Empty keeps a masked (Teams) address; the command refuses it for an endpoint whose whole address is shown.
        RuleFor(d => d.Url).Custom((url, context) =>
        {
            if (!string.IsNullOrWhiteSpace(url) && WebhookUrl.Problem(url, options.CurrentValue.AllowHttpWebhooks) is { } problem)
            {
                context.AddFailure(nameof(WebhookEndpointChange.Url), problem);
            }
        });
        RuleFor(d => d.Events)
            .Must(events => events is { Count: > 0 } && events.All(WebhookEvents.All.Contains))
            .WithMessage("Choose at least one event.");
    }
}
