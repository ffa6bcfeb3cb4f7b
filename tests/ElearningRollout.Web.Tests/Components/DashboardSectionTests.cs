using System.Runtime.ExceptionServices;
using Bunit;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Web.Components.Pages.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// A gate change hands every open dashboard a new snapshot; each section renders again only when its own figures moved
/// (docs/performance.md, "Capacity"), and always shows the newest figures when they did.
/// </summary>
public sealed class DashboardSectionTests
{
    [Fact]
    public async Task A_snapshot_that_moves_the_counts_renders_the_counts_again_and_leaves_the_heatmap_alone()
    {
        await using var ctx = new BunitContext();
        var figures = new DashboardFigures(Model(onTrack: 5, securitySubmitted: 2));
        var countsRendered = 0;
        var heatmapRendered = 0;
        var counts = ctx.Render<DashboardSection<(int, IReadOnlyList<HealthCount>)>>(p => p
            .Add(x => x.Figures, figures)
            .Add(x => x.Part, m => (m.ActiveRollouts, m.ByHealth))
            .Add(x => x.ChildContent, (RenderFragment<(int Active, IReadOnlyList<HealthCount> ByHealth)>)(part => builder =>
            {
                countsRendered++;
                builder.AddContent(0, $"{part.Active} active, {part.ByHealth[0].Rollouts} on track");
            })));
        var heatmap = ctx.Render<DashboardSection<IReadOnlyList<HeatmapCell>>>(p => p
            .Add(x => x.Figures, figures)
            .Add(x => x.Part, m => m.Heatmap)
            .Add(x => x.ChildContent, (RenderFragment<IReadOnlyList<HeatmapCell>>)(cells => builder =>
            {
                heatmapRendered++;
                builder.AddContent(0, $"{cells[0].Rollouts} submitted");
            })));
        Assert.Equal((1, 1), (countsRendered, heatmapRendered));

        // Same figures, newly computed lists: nobody renders.
        await counts.InvokeAsync(() => figures.Publish(Model(onTrack: 5, securitySubmitted: 2)));
        Assert.Equal((1, 1), (countsRendered, heatmapRendered));

        // One more rollout on track: the counts render, the heatmap does not.
        await counts.InvokeAsync(() => figures.Publish(Model(onTrack: 6, securitySubmitted: 2)));
        Assert.Equal((2, 1), (countsRendered, heatmapRendered));
        Assert.Equal("7 active, 6 on track", counts.Markup);
        Assert.Equal("2 submitted", heatmap.Markup);

        // A gate submitted: the heatmap renders with the new count.
        await counts.InvokeAsync(() => figures.Publish(Model(onTrack: 6, securitySubmitted: 3)));
        Assert.Equal((2, 2), (countsRendered, heatmapRendered));
        Assert.Equal("3 submitted", heatmap.Markup);
    }

    [Fact]
    public async Task The_relay_renders_every_section_whose_figures_moved_in_one_render_batch()
    {
        using var renderer = new BatchCountingRenderer();
        var figures = new DashboardFigures(Model(onTrack: 5, securitySubmitted: 2));
        DashboardRelay? relay = null;
        var shown = (OnTrack: 0, Submitted: 0);
        var page = new Page(builder =>
        {
            builder.OpenComponent<DashboardRelay>(0);
            builder.AddComponentParameter(1, nameof(DashboardRelay.Figures), figures);
            builder.AddComponentReferenceCapture(2, r => relay = (DashboardRelay)r);
            builder.CloseComponent();
            builder.AddContent(3, Section(figures, m => m.ByHealth[0].Rollouts, onTrack => shown.OnTrack = onTrack));
            builder.AddContent(4, Section(figures, m => m.Heatmap[0].Rollouts, submitted => shown.Submitted = submitted));
        });
        await renderer.Dispatcher.InvokeAsync(() => renderer.RenderAsync(page));
        Assert.Equal((5, 2), shown);

        // Both sections moved: one batch through the relay.
        var batches = renderer.Batches;
        await renderer.Dispatcher.InvokeAsync(() => relay!.Publish(Model(onTrack: 6, securitySubmitted: 3)));
        Assert.Equal((6, 3), shown);
        Assert.Equal(batches + 1, renderer.Batches);

        // Handed to the sections directly, each section sends a batch of its own: what the relay saves.
        batches = renderer.Batches;
        await renderer.Dispatcher.InvokeAsync(() => figures.Publish(Model(onTrack: 7, securitySubmitted: 4)));
        Assert.Equal((7, 4), shown);
        Assert.Equal(batches + 2, renderer.Batches);
    }

    [Fact]
    public void Figures_are_the_same_when_their_values_and_rows_are_equal_and_differ_when_one_moved()
    {
        IReadOnlyList<HealthCount> counts = [new(RolloutHealth.OnTrack, 3), new(RolloutHealth.AtRisk, 1)];
        IReadOnlyList<HealthCount> sameCounts = [new(RolloutHealth.OnTrack, 3), new(RolloutHealth.AtRisk, 1)];
        IReadOnlyList<HealthCount> moved = [new(RolloutHealth.OnTrack, 2), new(RolloutHealth.AtRisk, 2)];

        Assert.True(DashboardFigures.Same((4, counts), (4, sameCounts)));
        Assert.False(DashboardFigures.Same((4, counts), (4, moved)));
        Assert.False(DashboardFigures.Same((4, counts), (5, sameCounts)));
        Assert.False(DashboardFigures.Same(counts, counts.Take(1).ToList()));
        Assert.True(DashboardFigures.Same(Array.Empty<HealthCount>(), new List<HealthCount>()));
    }

    private static DashboardModel Model(int onTrack, int securitySubmitted) => new(
        ActiveRollouts: onTrack + 1,
        GoLivesWithin90Days: 1,
        ByHealth: [new HealthCount(RolloutHealth.OnTrack, onTrack), new HealthCount(RolloutHealth.OffTrack, 1)],
        Portfolio: [],
        GoLivesSoon: [],
        MoneyByDepartment: [],
        Heatmap: [new HeatmapCell(GateKind.SecurityReview, GateState.Submitted, securitySubmitted)],
        OverdueGates: [],
        UnmetConditions: [],
        AwaitingMySignOff: [],
        CanSignOff: false);

    // A section showing one figure of the model, handing it to the test as it renders.
    private static RenderFragment Section(DashboardFigures figures, Func<DashboardModel, int> part, Action<int> show) => builder =>
    {
        builder.OpenComponent<DashboardSection<int>>(0);
        builder.AddComponentParameter(1, nameof(DashboardSection<>.Figures), figures);
        builder.AddComponentParameter(2, nameof(DashboardSection<>.Part), part);
        builder.AddComponentParameter(3, nameof(DashboardSection<>.ChildContent), (RenderFragment<int>)(figure => b =>
        {
            show(figure);
            b.AddContent(0, figure);
        }));
        builder.CloseComponent();
    };

    private sealed class Page(RenderFragment content) : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) => content(builder);
    }

    /// <summary>A renderer of its own, to count the render batches a circuit would send to the browser.</summary>
#pragma warning disable BL0006 // Blazor's renderer base class: the one way to count render batches.
    private sealed class BatchCountingRenderer() : Renderer(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance)
    {
        public int Batches { get; private set; }

        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        public Task RenderAsync(IComponent root) => RenderRootComponentAsync(AssignRootComponentId(root));

        protected override void HandleException(Exception exception) => ExceptionDispatchInfo.Capture(exception).Throw();

        protected override Task UpdateDisplayAsync(in RenderBatch renderBatch)
        {
            Batches++;
            return Task.CompletedTask;
        }
    }
#pragma warning restore BL0006
}
