using Microsoft.AspNetCore.Identity;

namespace P402.Dashboard.Data;

// Add profile data for application users by adding properties to the ApplicationUser class
public class ApplicationUser : IdentityUser
{
}

