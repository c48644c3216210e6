// dotnet cake --target=Claims | Test | Approve | CI
var target = Argument("target", "CI");
void Netclaims(string args) => DotNetTool($"netclaims {args}");

Task("Build").Does(() => DotNetBuild("PaperName.sln", new DotNetBuildSettings { Configuration = "Release" }));
Task("Claims").Does(() => Netclaims("verify --project PaperName.Claims --junit artifacts/claims.xml"));
Task("Test").IsDependentOn("Build").Does(() => DotNetTest("PaperName.sln", new DotNetTestSettings { Configuration = "Release", NoBuild = true }));
Task("Approve").Does(() => Netclaims($"approve --project PaperName.Claims{(HasArgument("claim") ? " --claim " + Argument<string>("claim") : "")}"));
Task("CI").IsDependentOn("Claims").IsDependentOn("Test");
RunTarget(target);
