//! The achievement's `achievementType` in words: the Open Badges 3.0 enumeration's values as
//! English labels; an extension value (`ext:…`) or any other value is shown as written.
//! See: <https://www.imsglobal.org/spec/ob/v3p0/#org.1edtech.ob.v3p0.achievementtype.class>

/// The label of an `achievementType` value.
pub(super) fn label(value: &str) -> String {
    let known = match value {
        "Achievement" => "Achievement",
        "ApprenticeshipCertificate" => "Apprenticeship certificate",
        "Assessment" => "Assessment",
        "Assignment" => "Assignment",
        "AssociateDegree" => "Associate degree",
        "Award" => "Award",
        "Badge" => "Badge",
        "BachelorDegree" => "Bachelor's degree",
        "Certificate" => "Certificate",
        "CertificateOfCompletion" => "Certificate of completion",
        "Certification" => "Certification",
        "CommunityService" => "Community service",
        "Competency" => "Competency",
        "Course" => "Course",
        "CoCurricular" => "Co-curricular activity",
        "Degree" => "Degree",
        "Diploma" => "Diploma",
        "DoctoralDegree" => "Doctoral degree",
        "Fieldwork" => "Fieldwork",
        "GeneralEducationDevelopment" => "General Education Development (GED)",
        "JourneymanCertificate" => "Journeyman certificate",
        "LearningProgram" => "Learning program",
        "License" => "License",
        "Membership" => "Membership",
        "ProfessionalDoctorate" => "Professional doctorate",
        "QualityAssuranceCredential" => "Quality assurance credential",
        "MasterCertificate" => "Master certificate",
        "MasterDegree" => "Master's degree",
        "MicroCredential" => "Micro-credential",
        "ResearchDoctorate" => "Research doctorate",
        "SecondarySchoolDiploma" => "Secondary school diploma",
        other => return other.to_owned(),
    };
    known.to_owned()
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn known_values_read_as_words_and_others_as_written() {
        assert_eq!(label("MicroCredential"), "Micro-credential");
        assert_eq!(label("BachelorDegree"), "Bachelor's degree");
        assert_eq!(label("Course"), "Course");
        assert_eq!(label("ext:Hackathon"), "ext:Hackathon");
        assert_eq!(label("<b>x</b>"), "<b>x</b>");
    }
}
