using AngleSharp.Dom;
using Bunit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Web.Components.Pages.Rollouts;
using ElearningRollout.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// The rollout list's filters (native selects) and its grid (one component writing MudTable's markup, docs/performance.md,
/// "Capacity"): what a person chooses reaches the query, a new filter starts again at the first page, sorting and paging
/// ask for what the headers and the pager show.
/// </summary>
public sealed class RolloutListTests
{
    private static readonly RolloutPeopleChoices People = new(
        [new PersonChoice("u-tara", "Tara Training"), new PersonChoice("u-theo", "Theo Trainer")], [], []);

    [Fact]
    public async Task Each_filter_is_a_labelled_select_with_any_first_and_every_choice()
    {
        await using var ctx = NewContext();
        var filters = ctx.Render<RolloutFilters>(p => p.Add(x => x.Query, new RolloutListQuery()).Add(x => x.People, People));

        var expected = new Dictionary<string, string[]>
        {
            ["Status"] = Enum.GetValues<LifecycleStatus>().Select(s => s.Name()).ToArray(),
            ["Health"] = Enum.GetValues<RolloutHealth>().Select(h => h.Name()).ToArray(),
            ["Current phase"] = PhaseTemplate.Standard.Select(p => p.DisplayName()).ToArray(),
            ["Training owner"] = ["Tara Training", "Theo Trainer"],
            ["IT involvement"] = Enum.GetValues<ItInvolvementProfile>().Select(p => p.ToString()).ToArray(),
        };
        foreach (var (label, choices) in expected)
        {
            var select = SelectLabelled(filters, label);
            Assert.Equal(["Any", .. choices], select.QuerySelectorAll("option").Select(o => o.TextContent));
            Assert.Equal("", select.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task Choosing_a_filter_hands_the_query_with_it_and_any_clears_it_again()
    {
        await using var ctx = NewContext();
        var handed = new List<RolloutListQuery>();
        var query = new RolloutListQuery(Search: "academy", Health: RolloutHealth.AtRisk);
        var filters = ctx.Render<RolloutFilters>(p => p.Add(x => x.Query, query).Add(x => x.People, People)
            .Add(x => x.QueryChanged, q => handed.Add(q)));

        Assert.Equal(nameof(RolloutHealth.AtRisk), SelectLabelled(filters, "Health").GetAttribute("value"));
        SelectLabelled(filters, "Status").Change(nameof(LifecycleStatus.Active));
        SelectLabelled(filters, "Training owner").Change("u-theo");
        SelectLabelled(filters, "Health").Change("");
        SelectLabelled(filters, "Current phase").Change(nameof(PhaseKind.Pilot));
        SelectLabelled(filters, "IT involvement").Change("NotAProfile");

        Assert.Equal(
        [
            query with { Status = LifecycleStatus.Active },
            query with { TrainingOwnerId = "u-theo" },
            query with { Health = null },
            query with { Phase = PhaseKind.Pilot },
            query with { Profile = null },
        ], handed);
    }

    [Fact]
    public async Task The_search_box_hands_the_search_on_once_typing_pauses_and_its_clear_button_empties_it()
    {
        await using var ctx = NewContext();
        var handed = new List<RolloutListQuery>();
        var query = new RolloutListQuery(Health: RolloutHealth.AtRisk);
        var filters = ctx.Render<RolloutFilters>(p => p.Add(x => x.Query, query).Add(x => x.People, People)
            .Add(x => x.SearchPause, TimeSpan.FromMilliseconds(200))
            .Add(x => x.QueryChanged, q => { handed.Add(q); query = q; }));
        var box = SearchBox(filters);
        Assert.Empty(filters.FindAll("button[aria-label=Clear]"));

        // A burst of keys is one query, with the last text, once the pause has passed.
        foreach (var typed in new[] { "a", "ac", "aca", "academy" })
        {
            await filters.InvokeAsync(() => SearchBox(filters).Input(typed));
        }

        filters.WaitForAssertion(() => Assert.Single(handed));
        Assert.Equal(new RolloutListQuery(Search: "academy", Health: RolloutHealth.AtRisk), handed[0]);

        // The page hands the query back while the person types on: the box keeps what was typed since.
        await filters.InvokeAsync(() => SearchBox(filters).Input("academy 2"));
        filters.Render(p => p.Add(x => x.Query, query));
        Assert.Equal("academy 2", SearchBox(filters).GetAttribute("value"));
        filters.WaitForAssertion(() => Assert.Equal("academy 2", handed[^1].Search));

        await filters.InvokeAsync(() => filters.Find("button[aria-label=Clear]").Click());
        Assert.Equal(new RolloutListQuery(Health: RolloutHealth.AtRisk), handed[^1]);
        Assert.Equal("", SearchBox(filters).GetAttribute("value") ?? "");
        Assert.Empty(filters.FindAll("button[aria-label=Clear]"));
    }

    [Fact]
    public async Task The_search_box_wears_MudTextFields_markup_for_the_same_settings()
    {
        await using var ctx = NewContext();
        var filters = ctx.Render<RolloutFilters>(p => p.Add(x => x.Query, new RolloutListQuery(Search: "academy")).Add(x => x.People, People));
        var field = ctx.Render<MudTextField<string>>(p => p.Add(x => x.Value, "academy").Add(x => x.Label, "Search by code or title")
            .Add(x => x.Adornment, Adornment.Start).Add(x => x.AdornmentIcon, Icons.Material.Filled.Search)
            .Add(x => x.Immediate, true).Add(x => x.DebounceInterval, 300).Add(x => x.Clearable, true));

        // Same elements with the same classes, in the same order (ids, MudBlazor's hidden helper and event handlers aside).
        static IEnumerable<string> Shape(AngleSharp.Dom.IElement control) => control.QuerySelectorAll("*")
            .Where(e => e.GetAttribute("style") != "display:none")
            .Select(e => $"{e.TagName}.{e.GetAttribute("class")}|{e.GetAttribute("aria-label")}|{e.GetAttribute("tabindex")}");
        var ours = SearchBox(filters).Closest(".mud-input-control")!;
        var theirs = field.Find(".mud-input-control");
        Assert.Equal(theirs.GetAttribute("class"), ours.GetAttribute("class"));
        Assert.Equal(Shape(theirs), Shape(ours));
        Assert.Equal(theirs.QuerySelector("svg")!.InnerHtml, ours.QuerySelector("svg")!.InnerHtml);
        Assert.Equal("Search by code or title", filters.Find($"label[for={SearchBox(filters).Id}]").TextContent);
    }

    [Fact]
    public async Task The_grid_shows_the_first_page_with_the_pager_and_pages_forward_and_to_the_end()
    {
        await using var ctx = NewContext();
        var source = new RowSource(60);
        var table = ctx.Render<RolloutTable>(p => p.Add(x => x.Load, source.LoadAsync).Add(x => x.Query, new RolloutListQuery()));

        table.WaitForAssertion(() => Assert.Equal(25, table.FindAll("tbody tr.mud-table-row").Count));
        Assert.Equal("ELR-0001", table.Find("tbody tr td[data-label=Code] a").TextContent);
        Assert.Equal("/rollouts/ELR-0001", table.Find("tbody tr td[data-label=Code] a").GetAttribute("href"));
        Assert.Equal("1-25 of 60", table.Find(".mud-table-page-number-information").TextContent);
        Assert.True(Button(table, "Previous page").HasAttribute("disabled"));

        await table.InvokeAsync(() => Button(table, "Next page").Click());
        table.WaitForAssertion(() => Assert.Equal("26-50 of 60", table.Find(".mud-table-page-number-information").TextContent));
        Assert.Equal(new PageRequest(1, 25), source.Requests[^1].Page);

        await table.InvokeAsync(() => Button(table, "Last page").Click());
        table.WaitForAssertion(() => Assert.Equal("51-60 of 60", table.Find(".mud-table-page-number-information").TextContent));
        Assert.Equal(10, table.FindAll("tbody tr.mud-table-row").Count);
        Assert.True(Button(table, "Next page").HasAttribute("disabled"));
        Assert.False(Button(table, "First page").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_new_filter_starts_again_at_the_first_page_with_the_chosen_sort_and_page_size()
    {
        await using var ctx = NewContext();
        var source = new RowSource(120);
        var table = ctx.Render<RolloutTable>(p => p.Add(x => x.Load, source.LoadAsync).Add(x => x.Query, new RolloutListQuery()));
        table.WaitForAssertion(() => Assert.Equal("1-25 of 120", table.Find(".mud-table-page-number-information").TextContent));

        await table.InvokeAsync(() => SelectLabelled(table, "Rows per page:").Change("50"));
        table.WaitForAssertion(() => Assert.Equal("1-50 of 120", table.Find(".mud-table-page-number-information").TextContent));
        await table.InvokeAsync(() => Button(table, "Next page").Click());
        table.WaitForAssertion(() => Assert.Equal("51-100 of 120", table.Find(".mud-table-page-number-information").TextContent));
        await table.InvokeAsync(() => SortButton(table, "Title").Click());
        table.WaitForAssertion(() => Assert.Equal(RolloutSort.Title, source.Requests[^1].Query.Sort));

        table.Render(p => p.Add(x => x.Query, new RolloutListQuery(Status: LifecycleStatus.Active)));

        table.WaitForAssertion(() => Assert.Equal(LifecycleStatus.Active, source.Requests[^1].Query.Status));
        Assert.Equal(new PageRequest(0, 50), source.Requests[^1].Page);
        Assert.Equal((RolloutSort.Title, false), (source.Requests[^1].Query.Sort, source.Requests[^1].Query.Descending));
        table.WaitForAssertion(() => Assert.StartsWith("1-", table.Find(".mud-table-page-number-information").TextContent));
    }

    [Fact]
    public async Task Sort_headers_are_buttons_and_say_which_column_is_sorted_which_way()
    {
        await using var ctx = NewContext();
        var source = new RowSource(30);
        var table = ctx.Render<RolloutTable>(p => p.Add(x => x.Load, source.LoadAsync).Add(x => x.Query, new RolloutListQuery()));
        table.WaitForAssertion(() => Assert.Single(source.Requests));

        Assert.Equal("ascending", SortButton(table, "Code").ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal(["Code", "Title", "Status", "Health", "Target go-live"],
            table.FindAll("thead button[type=button]").Select(b => b.TextContent.Trim()));

        await table.InvokeAsync(() => SortButton(table, "Target go-live").Click());
        table.WaitForAssertion(() => Assert.Equal("ascending", SortButton(table, "Target go-live").ParentElement!.GetAttribute("aria-sort")));
        Assert.Null(SortButton(table, "Code").ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal((RolloutSort.TargetGoLive, false), (source.Requests[^1].Query.Sort, source.Requests[^1].Query.Descending));

        await table.InvokeAsync(() => SortButton(table, "Target go-live").Click());
        table.WaitForAssertion(() => Assert.Equal("descending", SortButton(table, "Target go-live").ParentElement!.GetAttribute("aria-sort")));
        Assert.Equal((RolloutSort.TargetGoLive, true), (source.Requests[^1].Query.Sort, source.Requests[^1].Query.Descending));
        Assert.Contains("mud-direction-desc", SortButton(table, "Target go-live").QuerySelector("svg")!.GetAttribute("class"));

        // Where the rows stack (small screens) the headers are hidden: the sort is a select there.
        await table.InvokeAsync(() => SelectLabelled(table, "Sort by").Change(nameof(RolloutSort.Health)));
        table.WaitForAssertion(() => Assert.Equal((RolloutSort.Health, false), (source.Requests[^1].Query.Sort, source.Requests[^1].Query.Descending)));
    }

    [Fact]
    public async Task A_row_encodes_every_value_from_data_and_shares_its_chip_cells_with_every_row_of_the_same_values()
    {
        await using var ctx = NewContext();
        const string title = "<script>alert(1)</script> \"Sales\" & <b>dealers</b>";
        var row = new RolloutListRow("ELR-0007", title, "O'Brien <Ops>", LifecycleStatus.OnHold, RolloutHealth.AtRisk,
            PhaseKind.Pilot, ItInvolvementProfile.Standard, new DateOnly(2027, 3, 1));

        var rendered = ctx.Render(b => b.AddMarkupContent(0, $"<table><tbody>{RolloutTableRows.RowMarkup(row)}</tbody></table>"));
        var status = ctx.Render<StatusChip>(p => p.Add(x => x.Status, LifecycleStatus.OnHold));

        Assert.Equal(title, rendered.Find("td[data-label=Title]").TextContent);
        Assert.Equal("O'Brien <Ops>", rendered.Find("td[data-label='Training owner']").TextContent);
        Assert.Empty(rendered.FindAll("script, b"));
        Assert.Equal("/rollouts/ELR-0007", rendered.Find("td[data-label=Code] a").GetAttribute("href"));
        Assert.Equal(["Code", "Title", "Training owner", "Status", "Health", "Phase", "IT involvement", "Target go-live"],
            rendered.FindAll("td.mud-table-cell").Select(td => td.GetAttribute("data-label")));
        Assert.Equal("1 Mar 2027", rendered.Find("td[data-label='Target go-live']").TextContent);
        // The chip is the component's own markup (its container's generated id aside, as PlainMarkupTests).
        rendered.Find("td[data-label=Status] .mud-chip").MarkupMatches(status.Find(".mud-chip").OuterHtml);

        // The chip cells are one string for every row with the same status, health, phase and profile (memory per
        // circuit, docs/performance.md); what is the row's own is its own.
        var other = row with { Code = "ELR-0008", Title = "Another" };
        Assert.Same(RolloutTableRows.RowParts(row).Shared, RolloutTableRows.RowParts(other).Shared);
        Assert.NotEqual(RolloutTableRows.RowParts(row).Own, RolloutTableRows.RowParts(other).Own);

        // The same row read by another circuit (other string instances, equal values) gets the same strings.
        var readAgain = row with { Code = new string(row.Code), Title = new string(row.Title), TrainingOwner = new string(row.TrainingOwner) };
        Assert.Same(RolloutTableRows.RowParts(row).Own, RolloutTableRows.RowParts(readAgain).Own);
        Assert.Same(RolloutTableRows.RowParts(row).Last, RolloutTableRows.RowParts(readAgain).Last);
    }

    [Fact]
    public void Shared_markup_holds_at_most_its_capacity_and_starts_afresh_when_full()
    {
        var shared = new SharedMarkup<int>(capacity: 2);
        var built = 0;
        string Build(int key) => $"<td>{key}{++built}</td>";

        var first = shared.For(1, Build);
        Assert.Same(first, shared.For(1, Build));
        shared.For(2, Build);
        shared.For(3, Build);

        Assert.True(shared.Count <= 2);
        Assert.Equal("<td>14</td>", shared.For(1, Build));
    }

    [Fact]
    public async Task An_empty_result_says_so()
    {
        await using var ctx = NewContext();
        var table = ctx.Render<RolloutTable>(p => p.Add(x => x.Load, new RowSource(0).LoadAsync).Add(x => x.Query, new RolloutListQuery())
            .Add(x => x.EmptyText, "No rollout matches these filters."));

        table.WaitForAssertion(() => Assert.Equal("No rollout matches these filters.", table.Find("th.mud-table-empty-row").TextContent.Trim()));
        Assert.Equal("0-0 of 0", table.Find(".mud-table-page-number-information").TextContent);
    }

    [Fact]
    public async Task The_grid_wears_MudTables_classes_for_the_same_settings()
    {
        await using var ctx = NewContext();
        var rows = new RowSource(3);
        var mudTable = ctx.Render<MudTable<RolloutListRow>>(p => p
            .Add(x => x.ServerData, async (state, token) =>
            {
                var page = await rows.LoadAsync(new RolloutListQuery(), new PageRequest(state.Page, state.PageSize), token);
                return new TableData<RolloutListRow> { Items = page.Items, TotalItems = page.TotalCount };
            })
            .Add(x => x.Hover, true).Add(x => x.Dense, true).Add(x => x.RowsPerPage, 25).Add(x => x.Breakpoint, Breakpoint.Sm)
            .Add(x => x.Outlined, true)
            .Add(x => x.HeaderContent, (RenderFragment)(b => { b.OpenComponent<MudTh>(0); b.CloseComponent(); }))
            .Add(x => x.RowTemplate, row => b => { b.OpenComponent<MudTd>(0); b.CloseComponent(); })
            .Add(x => x.PagerContent, (RenderFragment)(b =>
            {
                b.OpenComponent<MudTablePager>(0);
                b.AddAttribute(1, nameof(MudTablePager.PageSizeOptions), new[] { 10, 25, 50, 100 });
                b.CloseComponent();
            })));
        var plain = ctx.Render<RolloutTable>(p => p.Add(x => x.Load, rows.LoadAsync).Add(x => x.Query, new RolloutListQuery()));
        mudTable.WaitForAssertion(() => Assert.Equal(3, mudTable.FindAll("tbody tr").Count));
        plain.WaitForAssertion(() => Assert.Equal(3, plain.FindAll("tbody tr").Count));

        foreach (var selector in new[]
        {
            "div.mud-table", "div.mud-table-container", "table", "thead", "thead tr", "th", "tbody", "tbody tr",
            ".mud-table-pagination [role=toolbar]", ".mud-table-pagination-display", ".mud-table-page-number-information",
            ".mud-table-pagination-first-button", ".mud-table-pagination-last-button",
        })
        {
            Assert.Equal(Classes(mudTable.Find(selector)), Classes(plain.Find(selector)));
        }

        Assert.Equal(Classes(mudTable.Find("td")), Classes(plain.Find("td")));
        Assert.Equal(mudTable.Find(".mud-table-pagination-first-button svg").InnerHtml, plain.Find(".mud-table-pagination-first-button svg").InnerHtml);
        Assert.Equal(mudTable.Find(".mud-table-pagination-next-button svg").InnerHtml, plain.Find(".mud-table-pagination-next-button svg").InnerHtml);
    }

    private static string[] Classes(IElement element) => element.ClassList.Order(StringComparer.Ordinal).ToArray();

    private static IElement SelectLabelled<T>(IRenderedComponent<T> rendered, string label) where T : IComponent
    {
        var labelFor = rendered.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        return rendered.Find($"select#{labelFor}");
    }

    private static IElement SearchBox(IRenderedComponent<RolloutFilters> filters) => filters.Find("input#rollout-search");

    private static IElement Button(IRenderedComponent<RolloutTable> table, string label) => table.Find($"button[aria-label='{label}']");

    private static IElement SortButton(IRenderedComponent<RolloutTable> table, string text) =>
        table.FindAll("thead button").Single(b => b.TextContent.Trim() == text);

    /// <summary>Rows ELR-0001.. as the list query pages them; remembers every request.</summary>
    private sealed class RowSource(int count)
    {
        public List<(RolloutListQuery Query, PageRequest Page)> Requests { get; } = [];

        public async Task<Page<RolloutListRow>> LoadAsync(RolloutListQuery query, PageRequest page, CancellationToken cancellationToken)
        {
            Requests.Add((query, page));

            // Answers later, as the database does: the grid must show rows that arrive after its render.
            await Task.Delay(10, cancellationToken);
            var rows = Enumerable.Range(1, count)
                .Select(i => new RolloutListRow($"ELR-{i:0000}", $"Rollout {i}", "Tara Training", LifecycleStatus.Active, RolloutHealth.OnTrack,
                    PhaseKind.Pilot, ItInvolvementProfile.Standard, new DateOnly(2027, 1, 1).AddDays(i)))
                .Skip(page.Skip).Take(page.SafeSize).ToList();
            return new Page<RolloutListRow>(rows, count);
        }
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
