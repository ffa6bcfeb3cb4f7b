using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Gates;

/// <summary>
/// What a new gate of one kind looks like: the phase whose exit it guards, the IT involvement profiles that require it,
/// and its checklist. Administrators publish changes as numbered versions; a gate records the version it copied,
/// and publishing never touches gates that exist already.
/// </summary>
public sealed class GateTemplate : IAggregateRoot
{
    public const int MaxItems = 40;

    private readonly List<GateTemplateItem> _items = [];

    /// <summary>Version 1, as the product ships it (see the reference-data seeder).</summary>
    public GateTemplate(
        GateKind kind,
        PhaseKind guardedPhase,
        InvolvementProfiles requiredFor,
        bool onlyWhenVendorInvolved,
        IEnumerable<ChecklistItemTemplate> checklist,
        DateTimeOffset publishedAt)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        GuardedPhase = guardedPhase;
        RequiredFor = RequireSomeProfile(requiredFor);
        OnlyWhenVendorInvolved = onlyWhenVendorInvolved;
        var items = checklist.ToList();
        EnsureListIsUsable(items.Select(i => i.Text).ToList());
        _items.AddRange(items.Select((item, index) => new GateTemplateItem(
            Require.Text(item.Text, "A checklist item", GateChecklistItem.MaxTextLength), item.IsRequired, index + 1, item.FollowsAgreement)));
        TemplateVersion = 1;
        PublishedAt = publishedAt;
        ApprovalPolicy = new ApprovalPolicy(publishedAt, GateApprovalPolicy.For(kind).DecidingRole);
        Version = Guid.NewGuid();
    }

    // For EF Core.
    private GateTemplate()
    {
    }

    public Guid Id { get; private set; }

    public GateKind Kind { get; private set; }

    /// <summary>The phase whose exit gates of this kind guard.</summary>
    public PhaseKind GuardedPhase { get; private set; }

    public InvolvementProfiles RequiredFor { get; private set; }

    /// <summary>Security and privacy reviews are needed only when a vendor is involved (docs/domain-content.md).</summary>
    public bool OnlyWhenVendorInvolved { get; private set; }

    /// <summary>The published version number, from 1; gates record the number they were made from.</summary>
    public int TemplateVersion { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>Null for the version the product ships with.</summary>
    public string? PublishedById { get; private set; }

    /// <summary>Optimistic concurrency token, so two administrators cannot overwrite each other's edits.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<GateTemplateItem> Items => _items;

    /// <summary>
    /// How many approvals a gate of this kind needs, from whom, by when and whom to escalate to; versioned on its own
    /// (<see cref="ApprovalPolicy.PolicyVersion"/>), so a checklist edit and a policy edit never make each other's version.
    /// </summary>
    public ApprovalPolicy ApprovalPolicy { get; private set; } = null!;

    /// <summary>
    /// Gives a template stored before approval policies existed the policy that matches how it was approved then (any one
    /// reviewer, ten working days, the kind's deciding role), and a policy stored before the deciding role was part of it
    /// that role; true when it changed anything. The reference-data seeder calls it for every template.
    /// </summary>
    public bool EnsureApprovalPolicy(DateTimeOffset now)
    {
        if (ApprovalPolicy is not null)
        {
            // Backfill: a policy stored before the deciding role was part of it keeps the kind's role it was decided by.
            return ApprovalPolicy.EnsureDecidingRole(Kind);
        }

        ApprovalPolicy = new ApprovalPolicy(now, GateApprovalPolicy.For(Kind).DecidingRole);
        return true;
    }

    /// <summary>Publishes the edited approval policy as its next version; gates already submitted keep the version they were submitted under.</summary>
    public void PublishApprovalPolicy(ApprovalPolicyEdit edit, string publishedById, DateTimeOffset now)
    {
        EnsureApprovalPolicy(now);
        ApprovalPolicy.Publish(Kind, edit, publishedById, now);
    }

    public bool IsRequiredFor(ItInvolvementProfile profile, bool anyVendorInvolved)
        => RequiredFor.Contains(profile) && (anyVendorInvolved || !OnlyWhenVendorInvolved);

    public void Touch() => Version = Guid.NewGuid();

    /// <summary>
    /// Why an item that follows the cost-sharing agreement cannot be removed or made optional: the refusal of
    /// <see cref="Publish"/>, and the reason the template editor shows beside its disabled controls.
    /// </summary>
    public static string AgreementItemStays(string itemText)
        => $"\"{itemText}\" follows the cost-sharing agreement, so it stays on the checklist and stays required.";

    /// <summary>
    /// Publishes the edited checklist and profiles as the next version. Lines keep their identity by
    /// <see cref="ChecklistItemEdit.ItemId"/>; a line that follows the cost-sharing agreement stays, and stays required,
    /// because the Budget agreement gate is cleared by that agreement.
    /// </summary>
    public void Publish(InvolvementProfiles requiredFor, IReadOnlyList<ChecklistItemEdit> checklist, string publishedById, DateTimeOffset now)
    {
        var profiles = RequireSomeProfile(requiredFor);
        var texts = checklist.Select(i => Require.Text(i.Text, "A checklist item", GateChecklistItem.MaxTextLength)).ToList();
        EnsureListIsUsable(texts);
        var byId = _items.ToDictionary(i => i.Id);
        var kept = checklist.Where(i => i.ItemId is not null).Select(i => i.ItemId!.Value).ToList();
        if (kept.Any(id => !byId.ContainsKey(id)) || kept.Distinct().Count() != kept.Count)
        {
            throw new DomainException("The checklist was edited from an older version of this template; reload it.");
        }

        foreach (var driven in _items.Where(i => i.FollowsAgreement is not null))
        {
            var edit = checklist.FirstOrDefault(i => i.ItemId == driven.Id);
            if (edit is null || !edit.IsRequired)
            {
                throw new DomainException(AgreementItemStays(driven.Text));
            }
        }

        if (profiles == RequiredFor && IsSameChecklist(checklist, texts))
        {
            throw new DomainException($"Nothing has changed since version {TemplateVersion}.");
        }

        _items.RemoveAll(i => !kept.Contains(i.Id));
        for (var index = 0; index < checklist.Count; index++)
        {
            var edit = checklist[index];
            if (edit.ItemId is { } id)
            {
                byId[id].Change(texts[index], edit.IsRequired, index + 1);
            }
            else
            {
                _items.Add(new GateTemplateItem(texts[index], edit.IsRequired, index + 1, followsAgreement: null));
            }
        }

        _items.Sort((a, b) => a.Order.CompareTo(b.Order));
        RequiredFor = profiles;
        TemplateVersion++;
        PublishedAt = now;
        PublishedById = Require.UserId(publishedById, "The person publishing");
    }

    private bool IsSameChecklist(IReadOnlyList<ChecklistItemEdit> checklist, List<string> texts)
        => checklist.Count == _items.Count
            && _items.OrderBy(i => i.Order).Select((item, index) =>
                checklist[index].ItemId == item.Id && texts[index] == item.Text && checklist[index].IsRequired == item.IsRequired)
                .All(same => same);

    private static InvolvementProfiles RequireSomeProfile(InvolvementProfiles profiles)
    {
        var known = profiles & InvolvementProfiles.All;
        return known == InvolvementProfiles.None
            ? throw new DomainException("Choose at least one IT involvement profile that requires this gate.")
            : known;
    }

    private static void EnsureListIsUsable(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            throw new DomainException("A gate template needs at least one checklist item.");
        }

        if (texts.Count > MaxItems)
        {
            throw new DomainException($"A gate template can have at most {MaxItems} checklist items.");
        }

        if (texts.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != texts.Count)
        {
            throw new DomainException("Each checklist item must be different from the others.");
        }
    }
}
