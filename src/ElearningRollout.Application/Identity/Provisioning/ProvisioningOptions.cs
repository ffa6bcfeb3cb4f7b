namespace ElearningRollout.Application.Identity.Provisioning;

/// <summary>Settings of SCIM provisioning (section "Scim").</summary>
public sealed class ProvisioningOptions
{
    public const string Section = "Scim";

    /// <summary>
    /// The department of an account the identity provider creates without a department. A department that is sent must
    /// exist here (by name, any case); this one is used only when none is sent.
    /// </summary>
    public string DefaultDepartment { get; set; } = Domain.Common.Departments.Training;
}
