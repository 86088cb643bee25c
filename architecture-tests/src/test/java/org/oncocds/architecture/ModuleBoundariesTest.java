package org.oncocds.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The design card's module rules, checked on the compiled classes of every module: dependencies point one way (portal
 * → fairness → prediction → audit), a module is used only through its {@code boundary} package, and Weka stays
 * inside the prediction module.
 */
@AnalyzeClasses(packages = "org.oncocds", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule modulesDependOneWay = layeredArchitecture().consideringOnlyDependenciesInAnyPackage(
            "org.oncocds..")
            .layer("portal").definedBy("org.oncocds.portal..")
            .layer("fairness").definedBy("org.oncocds.fairness..")
            .layer("prediction").definedBy("org.oncocds.prediction..")
            .layer("audit").definedBy("org.oncocds.audit..")
            .whereLayer("portal").mayNotBeAccessedByAnyLayer()
            .whereLayer("fairness").mayOnlyBeAccessedByLayers("portal")
            .whereLayer("prediction").mayOnlyBeAccessedByLayers("fairness", "portal")
            .whereLayer("audit").mayOnlyBeAccessedByLayers("prediction", "fairness", "portal");

    @ArchTest
    static final ArchRule noCyclesBetweenModules = slices().matching("org.oncocds.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInsideModules = slices().matching("org.oncocds.(*).(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule auditIsUsedOnlyThroughItsBoundary = onlyThroughBoundary("audit");

    @ArchTest
    static final ArchRule predictionIsUsedOnlyThroughItsBoundary = onlyThroughBoundary("prediction");

    @ArchTest
    static final ArchRule fairnessIsUsedOnlyThroughItsBoundary = onlyThroughBoundary("fairness");

    @ArchTest
    static final ArchRule wekaStaysInsidePrediction = noClasses().that().resideOutsideOfPackage(
            "org.oncocds.prediction..").should().dependOnClassesThat().resideInAPackage("weka..")
            .because("Weka types are an implementation detail of the prediction module");

    @ArchTest
    static final ArchRule wekaStaysOutOfThePredictionBoundary = noClasses().that().resideInAPackage(
            "org.oncocds.prediction.boundary..").should().dependOnClassesThat().resideInAPackage("weka..")
            .because("other modules see records, never Weka types");

    @ArchTest
    static final ArchRule thymeleafStaysInThePortal = noClasses().that().resideOutsideOfPackage("org.oncocds.portal..")
            .should().dependOnClassesThat().resideInAPackage("org.thymeleaf..");

    @ArchTest
    static final ArchRule boundariesNeverHandOutEntities = noMethods().that().areDeclaredInClassesThat()
            .resideInAPackage("org.oncocds..boundary..").and().arePublic().should().haveRawReturnType(
                    resideInAPackage("org.oncocds..entity.."))
            .because("between modules and towards the portal we pass ids and records, never JPA entities");

    private static ArchRule onlyThroughBoundary(String module) {
        String base = "org.oncocds." + module;
        return noClasses().that().resideOutsideOfPackage(base + "..").should().dependOnClassesThat()
                .resideInAnyPackage(base + ".control..", base + ".entity..")
                .because("other modules may use only " + base + ".boundary");
    }
}
