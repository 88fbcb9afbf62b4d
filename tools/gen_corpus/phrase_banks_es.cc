/** @file phrase_banks_es.cc
 *  @brief Spanish phrase bank.
 */
#include "phrase_banks.h"

namespace gen_corpus {

PhraseBank make_spanish_bank() {
    PhraseBank b;
    b.language = "es";
    b.openings = {"Señora Presidenta:", "Señor Presidente:", "Señora Presidenta, distinguidas delegaciones:"};
    b.closings = {"Muchas gracias.", "Gracias.", "Muchas gracias, señora Presidenta."};
    b.marker = "(Declaración sintética generada para pruebas; no es una declaración real.)";
    b.intros = {
        "$Org {agradece|valora} la oportunidad de {comentar|analizar} $CHAPTER. Nuestras organizaciones miembro "
        "{acompañan|apoyan} a {periodistas, activistas y víctimas|familias, escuelas y líneas de ayuda|pequeños proveedores "
        "y redes comunitarias} en más de $N países, y nuestras {observaciones|recomendaciones} {se basan en|reflejan} "
        "{esa experiencia práctica|años de trabajo de campo}.",
        "$Org {se pronuncia sobre|dedica esta intervención a analizar} $CHAPTER porque la redacción de este texto {determinará|decidirá} si la "
        "convención {protege|sirve} a las personas {que pretende proteger|afectadas}. Hemos seguido estas negociaciones "
        "{desde el primer período de sesiones|durante $YEARS años} junto con {organizaciones aliadas|comunidades de la región}.",
    };
    b.neutral_intros = {
        "$Org {agradece|valora} la oportunidad de {compartir sus opiniones|formular algunas observaciones}. Trabajamos con "
        "{defensoras y defensores de derechos humanos|víctimas y sus abogados} en más de $N países, y nuestras "
        "{observaciones|recomendaciones} {se basan en|reflejan} {esa experiencia|años de trabajo de campo}.",
    };
    b.conclusions = {
        "{Seguimos|Quedamos} a disposición de las delegaciones para {compartir nuestra experiencia|seguir contribuyendo} "
        "{entre períodos de sesiones|en las consultas informales}. La participación de la sociedad civil {ha mejorado|mejora} "
        "el texto, y {esperamos|confiamos en} que las modalidades acordadas se mantengan en la Conferencia de los Estados Partes.",
        "En {conclusión|suma}, {instamos|invitamos} a las delegaciones a situar las salvaguardias de derechos humanos en el "
        "centro de {cada disposición|todo el texto} y a {escuchar|consultar} a las personas más afectadas antes de {adoptar "
        "el texto|aprobar la convención}.",
    };
    b.connectors = {"Además, ", "Asimismo, ", "Por otra parte, ", "En la práctica, ", "Por último, "};
    b.themes = {
        {"human-rights-safeguards", {
            "El artículo $ART {debería afirmar|debe afirmar} que todas las obligaciones se cumplirán con pleno respeto de los derechos humanos, {en lugar de|y no} remitirse simplemente al derecho interno.",
            "Toda facultad procesal {debe|debería} estar sujeta a condiciones y salvaguardias conformes al derecho internacional de los derechos humanos, {en particular|incluidos} los principios de legalidad, necesidad y proporcionalidad.",
            "La autorización judicial previa {debe exigirse|debería exigirse} para las medidas intrusivas, y {una supervisión independiente|órganos de control independientes} {debe|deben} poder revisar su uso.",
            "Sin salvaguardias sólidas, los mecanismos de cooperación {pueden convertirse|corren el riesgo de convertirse} en herramientas de represión transnacional contra {periodistas|personas defensoras|disidentes en el exilio}.",
            "Las personas afectadas por estas medidas {necesitan|deben tener} un recurso efectivo, lo que {supone|exige} {una notificación cuando la investigación lo permita|vías de impugnación claras}.",
        }},
        {"freedom-of-expression", {
            "Los delitos relacionados con el contenido {no tienen cabida|no deberían figurar} en una convención sobre ciberdelincuencia, porque {abren la puerta a|facilitan} la censura.",
            "La libertad de expresión y el acceso a la información {se restringen con frecuencia|suelen verse limitados} mediante leyes {vagas|redactadas en términos amplios}, y este texto no debe {reforzar|exportar} esa tendencia.",
            "Periodistas y activistas {dependen de|necesitan} {herramientas cifradas|comunicaciones seguras} para proteger a sus fuentes, y la libertad de prensa {se resiente|se debilita} cuando esas herramientas se {criminalizan|consideran sospechosas}.",
        }},
        {"privacy-data-protection", {
            "El derecho a la privacidad {debe protegerse|merece protección} en cada etapa de la recopilación, conservación y transferencia de datos personales.",
            "Los datos de tráfico y la información de los abonados {pueden revelar|revelan a menudo} los contactos, desplazamientos y hábitos de una persona, y {merecen|exigen} las mismas garantías que el contenido.",
            "La protección de datos {debe acompañar|debería regir} toda transferencia transfronteriza, con {limitación de la finalidad|plazos de conservación claros} y {la supresión de los datos innecesarios|límites a las transferencias posteriores}.",
        }},
        {"scope-definitions", {
            "Ampliar la convención a todos los delitos facilitados por la tecnología {equivaldría a abarcar|abarcaría} casi toda la delincuencia moderna.",
            "{Apoyamos|Preferimos} un ámbito de aplicación acotado, {centrado en|limitado a} los delitos ciberdependientes, en los que los sistemas informáticos son a la vez el medio y el objetivo.",
            "Las definiciones {deben ser precisas|deberían ser estrictas} y {seguir|recoger} una terminología ya probada ante los tribunales nacionales.",
        }},
        {"criminalization-offences", {
            "Los delitos de acceso ilícito, interceptación ilícita y uso indebido de dispositivos {deben exigir|deberían exigir} intención dolosa y una conducta sin derecho.",
            "El artículo $ART, {tal como está redactado|en su forma actual}, {podría criminalizar|corre el riesgo de criminalizar} a estudiantes, administradores de sistemas y usuarios curiosos {junto con|al igual que} a verdaderos atacantes.",
        }},
        {"security-research", {
            "Las personas investigadoras en seguridad que actúan de buena fe {hacen más seguras las redes|nos protegen a todos}, y el texto {debería aclarar|debe indicar} que su trabajo no constituye delito.",
            "Quienes denuncian irregularidades en interés público {no deberían|no deben} enfrentar procesos penales {en virtud de|con base en} estas disposiciones.",
        }},
        {"procedural-powers", {
            "La obtención en tiempo real de datos de tráfico {debe limitarse|debería reservarse} a una lista cerrada de delitos graves, con plazos estrictos.",
            "Las medidas procesales, {como|tales como} las órdenes de presentación, el registro y la incautación o la conservación rápida, {deben estar sujetas|deben someterse} a salvaguardias estrictas.",
            "Las pruebas electrónicas {obtenidas|recabadas} en virtud de este capítulo {deben poder impugnarse|deben seguir siendo impugnables} por la defensa, {incluida|en particular} la cadena de custodia.",
        }},
        {"international-cooperation", {
            "La asistencia judicial recíproca {debe seguir|debería seguir} sujeta a la doble incriminación para las medidas coercitivas, a fin de no exportar las definiciones más amplias a todas las partes.",
            "Los motivos de denegación {deben ser explícitos|deben ser claros}: un Estado requerido {debe poder|debería poder} rechazar una solicitud destinada a castigar a una persona por sus opiniones políticas.",
            "La red 24/7 {debería limitarse|debe limitarse} a la conservación urgente de datos y no convertirse en {un canal de divulgación informal|una vía para eludir el control judicial}.",
        }},
        {"gender", {
            "La incorporación de la perspectiva de género {debe reflejarse|debería reflejarse} en toda la convención, y no solo en el preámbulo.",
            "La violencia de género facilitada por la tecnología, {incluida|como} la difusión no consentida de imágenes íntimas, afecta de manera desproporcionada a mujeres y niñas.",
        }},
        {"child-protection", {
            "Los delitos relativos al material de abuso sexual infantil {deben definirse|deberían definirse} conforme a los derechos del niño, sin criminalizar los intercambios consentidos entre pares.",
            "La protección de la infancia {depende de|exige} la prevención y la educación tanto como la sanción, con {apoyo a las familias|líneas de ayuda especializadas}.",
        }},
        {"victims-witnesses", {
            "La convención {debe|debería} centrarse en las víctimas, con el acceso a la justicia, la asistencia a las víctimas y la protección de testigos como obligaciones esenciales.",
            "Las sobrevivientes de abusos en línea {esperan a menudo años|esperan demasiado tiempo} para obtener justicia, y muchas {nunca denuncian|renuncian a denunciar}.",
        }},
        {"civil-society-participation", {
            "La sociedad civil {ha aportado|aporta} conocimientos valiosos a lo largo de las negociaciones, y su participación {debe continuar|debería continuar} en la aplicación.",
            "La transparencia y la rendición de cuentas exigen que los documentos se publiquen {a tiempo|con antelación} para que las partes interesadas puedan {responder|contribuir}.",
        }},
        {"technical-assistance", {
            "La asistencia técnica y la creación de capacidad {deben responder|deberían responder} a las necesidades de los países en desarrollo y ser sostenibles.",
            "Los programas de creación de capacidad {deberían incluir|deben incluir} formación en derechos humanos, para que las nuevas facultades se utilicen respetando el Estado de derecho.",
        }},
        {"prevention", {
            "La prevención {es el ámbito en que|es donde} la convención puede lograr más con menos recursos, mediante la sensibilización y la alfabetización digital.",
            "Las alianzas público-privadas {pueden fortalecer|fortalecen} la resiliencia cuando sus condiciones son públicas y están sujetas a control independiente.",
        }},
        {"implementation-mechanism", {
            "El mecanismo de examen de la aplicación {debe ser|debería ser} transparente y abierto a la sociedad civil, con informes publicados.",
            "Ningún protocolo adicional {debería negociarse|debe plantearse} antes de varios años de aplicación y de un examen a fondo por la Conferencia de los Estados Partes.",
        }},
        {"existing-instruments", {
            "El texto {debe complementar|debería basarse en} los instrumentos existentes, como el Convenio de Budapest y la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional, evitando la duplicación de esfuerzos.",
        }},
        {"private-sector", {
            "Los pequeños proveedores de servicios {no pueden asumir|no tienen medios para asumir} el costo de tramitar miles de solicitudes de numerosos países.",
            "Los proveedores de servicios {enfrentan|afrontan} conflictos de leyes cuando las órdenes de un Estado contradicen el derecho de otro, y el texto {debe|debería} prever una forma de resolverlos.",
        }},
        {"cyber-threats-harms", {
            "El fraude en línea y el phishing {cuestan cada año miles de millones a los hogares|privan a muchas víctimas de sus ahorros}, y la mayoría de los casos nunca se investiga.",
            "Los ataques de ransomware contra hospitales e infraestructuras críticas muestran por qué {se necesita|es necesaria} una cooperación eficaz, siempre respetando los derechos humanos.",
        }},
    };
    b.chapters = {
        {"preamble", {"el preámbulo", "Preámbulo"}},
        {"general-provisions", {"las disposiciones generales", "Disposiciones generales"}},
        {"criminalization", {"el capítulo sobre penalización", "Penalización"}},
        {"jurisdiction", {"el capítulo sobre jurisdicción", "Jurisdicción"}},
        {"procedural-measures-and-law-enforcement", {"el capítulo sobre medidas procesales", "Medidas procesales y aplicación de la ley"}},
        {"international-cooperation", {"el capítulo sobre cooperación internacional", "Cooperación internacional"}},
        {"preventive-measures", {"el capítulo sobre medidas preventivas", "Medidas preventivas"}},
        {"technical-assistance-and-information-exchange", {"el capítulo sobre asistencia técnica", "Asistencia técnica e intercambio de información"}},
        {"mechanism-of-implementation", {"el mecanismo de aplicación", "Mecanismo de aplicación"}},
        {"final-provisions", {"las disposiciones finales", "Disposiciones finales"}},
        {"general", {"el proyecto de convención en su conjunto", "Declaración general"}},
    };
    b.any_chapter = {"el proyecto de convención", "Observaciones"};
    b.titles = {"{Observaciones|Recomendaciones|Comentarios} sobre $TITLE", "$TITLE: {salvaguardias y recomendaciones|nuestras recomendaciones}"};
    b.footnotes = {"Documento de referencia sintético preparado para estas pruebas (no es un documento real).",
                   "La numeración de los artículos corresponde al proyecto examinado en esta declaración sintética."};
    return b;
}

}  // namespace gen_corpus
