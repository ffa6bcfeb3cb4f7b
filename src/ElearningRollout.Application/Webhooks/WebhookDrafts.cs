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
