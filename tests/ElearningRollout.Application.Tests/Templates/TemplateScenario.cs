using ElearningRollout.Application.Templates;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Gates;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Templates;

/// <summary>An administrator reading a gate template and publishing an edit of it, as /admin/templates does.</summary>
internal sealed class TemplateScenario(SqliteTestDatabase database)
{
    public TemplateQueries Queries => database.Get<TemplateQueries>();

    public TemplateCommands Commands => database.Get<TemplateCommands>();

    /// <summary>Read as the administrator, then play whoever was playing before.</summary>
    public async Task<GateTemplateView> TemplateAsync(GateKind kind)
    {
        var me = database.Actor.Current;
        await database.PlayAsync(Accounts.Admin);
        var template = (await Queries.PhasesAndGatesAsync()).SelectMany(p => p.Gates).Single(g => g.Kind == kind);
        database.Actor.PlayAs(me);

        return template;
    }

    /// <summary>The administrator publishes the template with <paramref name="edit"/> applied to its current content.</summary>
    public async Task<int> PublishAsync(GateKind kind, Action<GateTemplateDraft> edit)
    {
        var template = await TemplateAsync(kind);
        var draft = GateTemplateDraft.From(template);
        edit(draft);
        await database.PlayAsync(Accounts.Admin);
        return await Commands.PublishGateTemplateAsync(kind, draft, template.Version);
    }
}
