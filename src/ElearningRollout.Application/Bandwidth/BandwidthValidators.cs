using ElearningRollout.Domain.Bandwidth;
using FluentValidation;

namespace ElearningRollout.Application.Bandwidth;

/// <summary>The rules of one site row, beside its fields and again on the server (the domain guards the same ranges).</summary>
public sealed class BandwidthSiteDraftValidator : AbstractValidator<BandwidthSiteDraft>
{
    public BandwidthSiteDraftValidator()
    {
        RuleFor(s => s.Name).NotEmpty().WithMessage("Name the site.")
            .MaximumLength(SiteLoad.MaxNameLength).WithMessage($"Keep the site's name to {SiteLoad.MaxNameLength} characters.");
        RuleFor(s => s.Learners).NotNull().WithMessage("Enter the site's number of learners.")
            .InclusiveBetween(1, SiteLoad.MaxLearners).WithMessage($"Learners must be between 1 and {SiteLoad.MaxLearners:N0}.");
        RuleFor(s => s.PeakOnlinePercent).NotNull().WithMessage("Enter the share of learners online at the peak.")
            .InclusiveBetween(BandwidthFormula.MinPercent, BandwidthFormula.MaxPercent).WithMessage("The share online at the peak must be between 1% and 100%.");
        RuleFor(s => s.LinkMbps).NotNull().WithMessage("Enter the link's capacity in Mbit/s.")
            .GreaterThan(0).WithMessage("The link's capacity must be above 0 Mbit/s.")
            .LessThanOrEqualTo(SiteLoad.MaxLinkMbps).WithMessage($"The link's capacity can be at most {SiteLoad.MaxLinkMbps:N0} Mbit/s.");
        RuleFor(s => s.Media).IsInEnum().WithMessage("Choose the course media.");
        RuleFor(s => s.VideoKbps).NotNull().WithMessage("Enter the video's bit rate in kbit/s.")
            .InclusiveBetween(1, SiteLoad.MaxVideoKbps).WithMessage($"The video's bit rate must be between 1 and {SiteLoad.MaxVideoKbps:N0} kbit/s.")
            .When(s => s.Media == CourseMedia.Video);
    }
}

/// <summary>The rules of the planner's form as a whole: the allowed share, at least one site, unique names, each site's row.</summary>
public sealed class BandwidthPlanDraftValidator : AbstractValidator<BandwidthPlanDraft>
{
    public BandwidthPlanDraftValidator()
    {
        RuleFor(d => d.AllowedSharePercent).NotNull().WithMessage("Enter the share of each link the course may use.")
            .InclusiveBetween(BandwidthFormula.MinPercent, BandwidthFormula.MaxPercent).WithMessage("The allowed share of the link must be between 1% and 100%.");
        RuleFor(d => d.Sites).NotEmpty().WithMessage("Enter at least one site.")
            .Must(s => s.Count <= BandwidthPlan.MaxSites).WithMessage($"A plan holds at most {BandwidthPlan.MaxSites} sites.");
        RuleForEach(d => d.Sites).SetValidator(new BandwidthSiteDraftValidator());
        // Beside the repeated name itself, as the site row's own field shows it.
        RuleFor(d => d).Custom((draft, context) =>
        {
            for (var i = 0; i < draft.Sites.Count; i++)
            {
                var name = draft.Sites[i].Name?.Trim();
                if (!string.IsNullOrEmpty(name)
                    && draft.Sites.Count(s => string.Equals(s.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase)) > 1)
                {
                    context.AddFailure($"{nameof(BandwidthPlanDraft.Sites)}[{i}].{nameof(BandwidthSiteDraft.Name)}", $"Another site is also called \"{name}\": give each its own name.");
                }
            }
        });
    }
}

public sealed class WaveSuggestionDraftValidator : AbstractValidator<WaveSuggestionDraft>
{
    public WaveSuggestionDraftValidator()
    {
        RuleFor(d => d.FirstWaveStartsOn).NotNull().WithMessage("Choose the day the first wave starts.");
        RuleFor(d => d.DaysBetweenWaves).NotNull().WithMessage("Enter the days between waves.")
            .InclusiveBetween(1, LaunchWavePlanner.MaxDaysBetweenWaves).WithMessage($"Days between waves must be between 1 and {LaunchWavePlanner.MaxDaysBetweenWaves}.");
    }
}

/// <summary>A site row of a wave: a site picked and its learners given. Whether they fit is the plan's rule (<see cref="LaunchWavesServerRules"/>).</summary>
public sealed class WaveSiteDraftValidator : AbstractValidator<WaveSiteDraft>
{
    public WaveSiteDraftValidator()
    {
        RuleFor(a => a.Site).NotEmpty().WithMessage("Choose the site.");
        RuleFor(a => a.Learners).NotNull().WithMessage("Enter how many of the site's learners the wave starts.");
    }
}

/// <summary>A wave: a name (the audience or sites), a start day and its site rows. Whether its learners fit is the plan's rule.</summary>
public sealed class LaunchWaveDraftValidator : AbstractValidator<LaunchWaveDraft>
{
    public LaunchWaveDraftValidator()
    {
        RuleFor(w => w.Name).NotEmpty().WithMessage("Name the wave (its audience or sites).")
            .MaximumLength(BandwidthPlan.MaxWaveNameLength).WithMessage($"Keep the wave's name to {BandwidthPlan.MaxWaveNameLength} characters.");
        RuleFor(w => w.StartsOn).NotNull().WithMessage("Choose the day the wave starts.");
        RuleForEach(w => w.Allocations).SetValidator(new WaveSiteDraftValidator());
    }
}

public sealed class LaunchWavesDraftValidator : AbstractValidator<LaunchWavesDraft>
{
    public LaunchWavesDraftValidator()
    {
        RuleFor(d => d.Waves).Must(w => w.Count <= LaunchWavePlanner.MaxWaves).WithMessage($"Plan at most {LaunchWavePlanner.MaxWaves} waves.");
        RuleForEach(d => d.Waves).SetValidator(new LaunchWaveDraftValidator());
    }
}

/// <summary>
/// The plan's own rule on the waves (<see cref="BandwidthPlan.WaveProblems"/>: no site over its limit, alone or with
/// the waves starting the same day; no site the plan does not have, nor twice in a wave; no more learners than a
/// site has; names unique), as field messages beside the wave or site row each is about, e.g.
/// <c>Waves[1].Allocations[0].Learners</c>. It runs once the form's own rules pass, so a person is not told twice
/// about one empty field; the aggregate still refuses anything that gets past it.
/// </summary>
public sealed class LaunchWavesServerRules : ServerRules<LaunchWavesDraft>
{
    private static readonly LaunchWavesDraftValidator Form = new();

    public LaunchWavesServerRules()
        => RuleFor(d => d).Custom((draft, context) =>
        {
            if (Edit(context) is not Edit<BandwidthPlan> { Aggregate: var plan } || !Form.Validate(draft).IsValid)
            {
                return;
            }

            foreach (var problem in plan.WaveProblems(draft.ToWaves()))
            {
                context.AddFailure(KeyOf(problem), problem.Message);
            }
        });

    /// <summary>The form field a problem sits beside, named as the form's own messages name it.</summary>
    internal static string KeyOf(WaveProblem problem)
    {
        const string waves = nameof(LaunchWavesDraft.Waves);
        const string rows = nameof(LaunchWaveDraft.Allocations);
        return problem switch
        {
            { Wave: { } w, Row: { } r, Part: WavePart.Site } => $"{waves}[{w}].{rows}[{r}].{nameof(WaveSiteDraft.Site)}",
            { Wave: { } w, Row: { } r } => $"{waves}[{w}].{rows}[{r}].{nameof(WaveSiteDraft.Learners)}",
            { Wave: { } w, Part: WavePart.Name } => $"{waves}[{w}].{nameof(LaunchWaveDraft.Name)}",
            { Wave: { } w } => $"{waves}[{w}].{rows}",
            _ => waves,
        };
    }
}
