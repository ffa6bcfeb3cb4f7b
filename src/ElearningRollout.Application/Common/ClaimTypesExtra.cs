namespace ElearningRollout.Application.Common;

/// <summary>Claims we add to the sign-in cookie so every request knows the person's name and department.</summary>
public static class ProductClaimTypes
{
    public const string DisplayName = "elr:display_name";
    public const string Department = "elr:department";
    public const string PrefersDarkMode = "elr:dark";
}
