namespace ElearningRollout.Domain.CostSharing;

/// <summary>The cost categories of docs/domain-content.md; every cost line belongs to exactly one.</summary>
public enum CostCategory
{
    Licences,
    ImplementationServices,
    IntegrationBuildAndUpkeep,
    ContentDevelopmentAndMigration,
    Hosting,
    NetworkAndHardwareUpgrades,
    AdministrationEffort,
    Support,
    ExitAndDecommissioning,
}

/// <summary>Capital or operating expenditure: finance books them differently, so each line says which.</summary>
public enum CostNature
{
    CapEx,
    OpEx,
}

/// <summary>How often the amount of a line is paid.</summary>
public enum CostRecurrence
{
    OneOff,
    Monthly,
    Yearly,
}

/// <summary>Draft -> Proposed -> Signed; editing a signed agreement starts a new version in Draft.</summary>
public enum AgreementState
{
    Draft,
    Proposed,
    Signed,
}

/// <summary>The two sides that must both sign: Training (the rollout's owner) and IT.</summary>
public enum AgreementSide
{
    Training,
    It,
}

public static class CostNames
{
    public static string DisplayName(this CostCategory category) => category switch
    {
        CostCategory.Licences => "Licences",
        CostCategory.ImplementationServices => "Implementation services",
        CostCategory.IntegrationBuildAndUpkeep => "Integration build and upkeep",
        CostCategory.ContentDevelopmentAndMigration => "Content development and migration",
        CostCategory.Hosting => "Hosting",
        CostCategory.NetworkAndHardwareUpgrades => "Network and hardware upgrades",
        CostCategory.AdministrationEffort => "Administration effort",
        CostCategory.Support => "Support",
        CostCategory.ExitAndDecommissioning => "Exit and decommissioning",
        _ => category.ToString(),
    };

    public static string DisplayName(this CostRecurrence recurrence) => recurrence switch
    {
        CostRecurrence.OneOff => "One-off",
        CostRecurrence.Monthly => "Monthly",
        CostRecurrence.Yearly => "Yearly",
        _ => recurrence.ToString(),
    };

    public static string DisplayName(this AgreementSide side) => side == AgreementSide.It ? "IT" : "Training";
}
