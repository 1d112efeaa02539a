//! Spanish.

use super::Label as L;

pub(super) fn label(label: L) -> &'static str {
    match label {
        L::Verified => "Verificada",
        L::VerifiedWithWarnings => "Verificada, con advertencias",
        L::Expired => "Caducada",
        L::NotYetValid => "Aún no es válida",
        L::Revoked => "Revocada",
        L::Suspended => "Suspendida",
        L::NotVerified => "No verificada",
        L::Unsupported => "No se puede verificar aquí",
        L::Error => "No se pudo comprobar esta insignia",
        L::Passed => "Superada",
        L::Failed => "Fallida",
        L::Warning => "Advertencia",
        L::Unchecked => "No se pudo comprobar",
        L::NotApplicable => "No aplica",
        L::UnverifiedContent => "Contenido no verificado: el emisor no ha confirmado lo que se muestra a continuación.",
        L::IssuedBy => "Emitida por",
        L::AwardedTo => "Otorgada a",
        L::IssuedOn => "Emitida el",
        L::ValidUntil => "Válida hasta",
        L::Criteria => "Criterios",
        L::Results => "Resultados",
        L::Alignments => "Alineada con",
        L::Checks => "Comprobaciones",
        L::TechnicalDetails => "Detalles técnicos",
        L::CriteriaLink => "Página de criterios",
        L::BadgeImage => "Imagen de la insignia",
    }
}

pub(super) fn message(code: &str) -> Option<&'static str> {
    Some(match code {
        "format_valid" => "La credencial tiene todas las partes necesarias.",
        "contexts_known" => "Este verificador conoce todos los vocabularios que usa.",
        "key_bound_to_issuer" => "La clave de firma pertenece al emisor.",
        "signature_valid" => "La firma coincide: no se cambió nada después de firmar.",
        "started" => "La credencial ya es válida.",
        "no_valid_from" => "La credencial no tiene fecha de inicio.",
        "not_expired" => "La credencial no ha caducado.",
        "no_expiry" => "La credencial no caduca.",
        "skipped" => "No se comprobó porque una comprobación anterior no se superó.",
        "input_too_large" => "El archivo es demasiado grande para ser una credencial.",
        "malformed_json" => "El archivo no es JSON válido.",
        "json_too_deep" => "El archivo está demasiado anidado para leerlo con seguridad.",
        "not_a_credential" => "El archivo no es una credencial verificable.",
        "invalid_input" => "Esta entrada no se puede leer como credencial.",
        "invalid_options" => "El verificador recibió opciones no válidas.",
        "unsupported_format" => "Este formato de credencial aún no se puede verificar aquí.",
        "invalid_property" => "Falta una parte obligatoria de la credencial o está mal formada.",
        "invalid_date" => "Una fecha de la credencial no está bien escrita.",
        "missing_verifiable_credential_type" => "La credencial no indica que sea una credencial verificable.",
        "invalid_base_context" => "La credencial no empieza con un vocabulario de credenciales del W3C.",
        "unknown_context" => "La credencial usa un vocabulario que este verificador no conoce.",
        "inline_context" => "La credencial define sus propios términos, que ninguna firma puede avalar.",
        "missing_verification_method" => "La firma no indica qué clave la creó.",
        "unsupported_verification_method" => "Este verificador no puede consultar este tipo de clave.",
        "invalid_did_key" => "El identificador de la clave de firma está mal formado.",
        "invalid_multibase" => "La clave de firma no está bien codificada.",
        "unsupported_key_type" => "Este tipo de clave no es compatible.",
        "invalid_public_key" => "La clave de firma no es una clave válida.",
        "verification_method_not_found" => "Los documentos del emisor no contienen la clave de firma.",
        "invalid_controller_document" => "El documento de claves del emisor no se puede usar.",
        "key_not_bound_to_issuer" => "La insignia se firmó con una clave que no pertenece al emisor.",
        "document_unavailable" => "No se pudo obtener un documento necesario para esta comprobación.",
        "missing_proof" => "La credencial no está firmada.",
        "too_many_proofs" => "La credencial lleva más firmas de las que se pueden comprobar.",
        "unsupported_proof_type" => "Este tipo de firma no es compatible.",
        "unsupported_cryptosuite" => "La firma usa un método que aquí no es compatible.",
        "malformed_proof" => "El bloque de la firma está incompleto o mal formado.",
        "wrong_proof_purpose" => "La firma no se hizo para emitir credenciales.",
        "proof_context_mismatch" => "El vocabulario de la firma no coincide con el de la credencial.",
        "unsupported_proof_chain" => "Las firmas encadenadas aún no son compatibles.",
        "invalid_proof_value" => "El valor de la firma está dañado o truncado.",
        "proof_expired" => "La propia firma ha caducado.",
        "signature_mismatch" => {
            "La firma no coincide: la credencial se modificó después de firmarla o la firmó otra persona."
        }
        "non_canonicalizable_number" => "La credencial contiene un número que no se puede firmar de forma fiable.",
        "not_yet_valid" => "La credencial aún no es válida.",
        "expired" => "La credencial ha caducado.",
        "signature_valid_legacy_name" => {
            "La firma coincide, pero su método usa un nombre antiguo, anterior a la norma."
        }
        "no_status" => "La credencial no tiene un estado de revocación que comprobar.",
        "undefined_term" => {
            "La credencial usa un término que sus vocabularios no definen, así que la firma no lo cubriría."
        }
        "unsupported_json_ld" => "La credencial usa una función de JSON-LD que este verificador no admite.",
        "invalid_json_ld" => "Los datos enlazados de la credencial están mal formados.",
        "expansion_limit" => "La credencial es demasiado compleja para procesarla con seguridad.",
        "canonicalization_limit" => {
            "Los datos de la credencial son demasiado complejos para firmarlos de forma fiable; se detuvo el proceso."
        }
        "status_not_checked" => "No se pudo comprobar si la credencial fue revocada.",
        "fetch_failed" => "No se pudo cargar la credencial.",
        "wasm_load_failed" => "No se pudo cargar el verificador.",
        "no_credential" => "No se proporcionó ninguna credencial.",
        _ => return None,
    })
}
