using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Gates;

/// <summary>
/// The part of a gate kind's approval that administrators decide, published as numbered versions like the checklist
/// (a gate records the version it was submitted under and copies what it needs, so a later version never changes a
/// review under way): how many approvals clear the gate (<see cref="Rule"/>), the reviewers it names, the deadline in
/// working days, and whom an overdue review escalates to. Who may decide at all (the deciding role), whether the
/// approval signs off the whole rollout and who waives stay with the code policy, <see cref="GateApprovalPolicy"/>,
/// because code paths depend on them. Part of its <see cref="GateTemplate"/>, whose version it moves.
/// </summary>
public sealed class ApprovalPolicy
{
    public const int MaxDeadlineWorkingDays = 60;
    public const int MaxReviewers = 20;
    public const int MaxGroupNameLength = 60;

    private readonly List<ApprovalPolicyMember> _members = [];

    /// <summary>Version 1, as the product ships it: any one reviewer, ten working days, no escalation (the behaviour before policies).</summary>
    internal ApprovalPolicy(DateTimeOffset publishedAt, string decidingRole)
    {
        Id = Guid.CreateVersion7();
        DecidingRole = decidingRole;
        Rule = ApprovalRule.AnyOneReviewer;
        RequiredApprovals = 1;
        DeadlineWorkingDays = GateApprovalPolicy.DefaultDeadlineWorkingDays;
        PolicyVersion = 1;
        PublishedAt = publishedAt;
    }

    // For EF Core.
    private ApprovalPolicy()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>From 1; a gate records the version it was submitted under.</summary>
    public int PolicyVersion { get; private set; }

    public ApprovalRule Rule { get; private set; }

    /// <summary>
    /// The role (see <see cref="Roles"/>) whose holders decide gates submitted under this version, one of
    /// <see cref="GateApprovalPolicy.DecidingRoles"/>; version 1 and policies stored before the role was chosen have the
    /// kind's <see cref="GateApprovalPolicy.DecidingRole"/> (<see cref="GateTemplate.EnsureApprovalPolicy"/> fills it in).
    /// </summary>
    public string DecidingRole { get; private set; } = "";

    /// <summary>How many approvals clear the gate: 1 for any one reviewer, M for M of N, the number of groups for one from each.</summary>
    public int RequiredApprovals { get; private set; }

    public int DeadlineWorkingDays { get; private set; }

    public string? EscalateToId { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>Null for the version the product ships with.</summary>
    public string? PublishedById { get; private set; }

    public IReadOnlyList<ApprovalPolicyMember> Members => _members;

    /// <summary>The named reviewers of an M-of-N policy, in the order the administrator listed them.</summary>
    public IReadOnlyList<string> NamedReviewerIds => Rule == ApprovalRule.MOfNamedReviewers
        ? [.. _members.OrderBy(m => m.Order).Select(m => m.UserId)]
        : [];

    /// <summary>The groups of a one-from-each-group policy, in the order the administrator listed them.</summary>
    public IReadOnlyList<ReviewerGroup> Groups => Rule == ApprovalRule.OneFromEachGroup
        ? [.. _members.OrderBy(m => m.Order).GroupBy(m => m.GroupName!).Select(g => new ReviewerGroup(g.Key, [.. g.Select(m => m.UserId)]))]
        : [];

    /// <summary>Everyone the policy names, in any group.</summary>
    public IEnumerable<string> NamedPeople => _members.Select(m => m.UserId);

    /// <summary>The quorum in words, naming holders of the deciding role (the code policy's until one is stored): "any one IT lead", "2 of 3 named IT leads".</summary>
    public string Describe(GateApprovalPolicy approval)
    {
        var decider = string.IsNullOrEmpty(DecidingRole) ? approval.DeciderName : GateApprovalPolicy.DeciderNameOf(DecidingRole);
        return Rule switch
        {
            ApprovalRule.MOfNamedReviewers => $"{RequiredApprovals} of {_members.Count} named {decider}s",
            ApprovalRule.OneFromEachGroup => $"one {decider} from each of {string.Join(" and ", Groups.Select(g => g.Name))}",
            _ => $"any one {decider}",
        };
    }

    /// <summary>Publishes <paramref name="edit"/> as the next version; refuses a quorum that cannot be reached and an unchanged policy.</summary>
    /// <summary>Gives a policy stored before the deciding role was part of it the role its kind had then; true when it had none.</summary>
    internal bool EnsureDecidingRole(GateKind kind)
    {
        if (!string.IsNullOrEmpty(DecidingRole))
        {
            return false;
        }

        DecidingRole = GateApprovalPolicy.For(kind).DecidingRole;
        return true;
    }

    internal void Publish(GateKind kind, ApprovalPolicyEdit edit, string publishedById, DateTimeOffset now)
    {
        // Null keeps the role of the version being edited.
        var decidingRole = edit.DecidingRole ?? DecidingRole;
        if (GateApprovalPolicy.WhyRoleMayNotDecide(kind, decidingRole) is { } roleRefusal)
        {
            throw new DomainException(roleRefusal);
        }

        if (edit.DeadlineWorkingDays is < 1 or > MaxDeadlineWorkingDays)
        {
            throw new DomainException($"The deadline must be between 1 and {MaxDeadlineWorkingDays} working days.");
        }

        var escalateTo = Require.OptionalUserId(edit.EscalateToId, "The escalation person");
        var members = new List<(string? Group, string UserId)>();
        int required;
        switch (edit.Rule)
        {
            case ApprovalRule.AnyOneReviewer:
                required = 1;
                break;
            case ApprovalRule.MOfNamedReviewers:
                var named = edit.NamedReviewerIds.Select(id => Require.UserId(id, "A named reviewer")).ToList();
                if (named.Count == 0)
                {
                    throw new DomainException("Name at least one reviewer.");
                }

                if (named.Distinct().Count() != named.Count)
                {
                    throw new DomainException("Each reviewer can be named only once.");
                }

                if (edit.RequiredApprovals < 1 || edit.RequiredApprovals > named.Count)
                {
                    throw new DomainException($"The number of approvals needed must be between 1 and the {named.Count} named reviewers.");
                }

                required = edit.RequiredApprovals;
                members.AddRange(named.Select(id => ((string?)null, id)));
                break;
            case ApprovalRule.OneFromEachGroup:
                if (edit.Groups.Count < 2)
                {
                    throw new DomainException("One from each group needs at least two groups; for one group, name its people and ask for one approval.");
                }

                var names = edit.Groups.Select(g => Require.Text(g.Name, "A group's name", MaxGroupNameLength)).ToList();
                if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
                {
                    throw new DomainException("Each group needs a name of its own.");
                }

                for (var index = 0; index < edit.Groups.Count; index++)
                {
                    var people = edit.Groups[index].MemberIds.Select(id => Require.UserId(id, "A member of a group")).Distinct().ToList();
                    if (people.Count == 0)
                    {
                        throw new DomainException($"The group \"{names[index]}\" has nobody in it.");
                    }

                    members.AddRange(people.Select(id => ((string?)names[index], id)));
                }

                // A person in two groups could satisfy both alone, which is exactly what the groups are there to prevent.
                if (members.Select(m => m.UserId).Distinct().Count() != members.Count)
                {
                    throw new DomainException("A person can be in only one group: one approval must not count for two groups.");
                }

                required = edit.Groups.Count;
                break;
            default:
                throw new DomainException("Choose how many approvals the gate needs.");
        }

        if (members.Count > MaxReviewers)
        {
            throw new DomainException($"A policy can name at most {MaxReviewers} reviewers.");
        }

        if (decidingRole == DecidingRole && edit.Rule == Rule && required == RequiredApprovals && edit.DeadlineWorkingDays == DeadlineWorkingDays && escalateTo == EscalateToId
            && members.SequenceEqual(_members.OrderBy(m => m.Order).Select(m => (m.GroupName, m.UserId))))
        {
            throw new DomainException($"Nothing has changed since approval policy version {PolicyVersion}.");
        }

        _members.Clear();
        _members.AddRange(members.Select((m, index) => new ApprovalPolicyMember(m.Group, m.UserId, index + 1)));
        DecidingRole = decidingRole;
        Rule = edit.Rule;
        RequiredApprovals = required;
        DeadlineWorkingDays = edit.DeadlineWorkingDays;
        EscalateToId = escalateTo;
        PolicyVersion++;
        PublishedAt = now;
        PublishedById = Require.UserId(publishedById, "The person publishing");
    }
}

/// <summary>A person an approval policy names: a named reviewer (no group) or a member of a group.</summary>
public sealed class ApprovalPolicyMember
{
    internal ApprovalPolicyMember(string? groupName, string userId, int order)
    {
        Id = Guid.CreateVersion7();
        GroupName = groupName;
        UserId = userId;
        Order = order;
    }

    // For EF Core.
    private ApprovalPolicyMember()
    {
    }

    public Guid Id { get; private set; }

    public string? GroupName { get; private set; }

    public string UserId { get; private set; } = "";

    public int Order { get; private set; }
}
