
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's051d8c341ceb18e0': `Try again`,
's0582bbade54308c7': str`You can choose at most ${0} answers: remove some before voting.`,
's0da29529e304044b': str`${0} vote`,
's11aa96758bf50687': `Something unexpected went wrong. Try again in a moment.`,
's13cc0fad02c56f56': `The participation service cannot be reached. Check your connection, then try again.`,
's17e5e3ddf96dd782': `You seem to be offline: your vote will be sent as soon as the connection is back.`,
's21d182a71013c645': `This website is not allowed to show this poll. Please tell the webmaster.`,
's26da6f5a9a8e422f': `(your choice)`,
's27c8fec712bf4a48': `This poll is not open yet.`,
's28f967a2c8524fd5': str`${0} participants`,
's2f47ae2cbfd32b28': str`${0} votes`,
's335771572e1709b7': `Choose one answer.`,
's37485878f62b97de': `You have already voted in this poll.`,
's38cf18bcf826b9fe': str`Choose ${0} answers.`,
's3d08679cd22e41ba': `Choose at least one answer before voting.`,
's471c9bf9c0974f43': `This poll is closed.`,
's50e0e3694885dba5': str`Choose at least ${0} answers before voting.`,
's56f517b9464dc7e8': `The participation service is taking too long to answer. Try again in a moment.`,
's59f5abec4a1c2f82': `Results`,
's5f88568e5c731f6a': `Keep my vote`,
's618464c73c04a2b4': `Results:`,
's6f2fc86ee37b6289': `Your answer could not be recorded. Check your choices, then try again.`,
's7755fdae5c992f2f': `The results will be published when the poll closes.`,
's7ae3a7feabbcec7a': `Change my vote`,
's7bcc4f1dd4aa206f': `Loading the poll…`,
's88d0a099a889304f': str`Choose between ${0} and ${1} answers.`,
's898933f40c245975': `Sending…`,
's8d64aa858d1c78ce': `This poll is closed: it no longer accepts votes.`,
's901dab925db01885': `Vote`,
's920776b6b759099a': `Your session has expired. Sign in to the city’s website again, then try again.`,
's9cfab1d4654e1db4': str`This poll closed on ${0}.`,
's9ec695b8ae858179': str`Closes on ${0}.`,
'sb03cfedc79b15424': str`${0} participant`,
'sb93d268b1c4a1a1d': str`${0}: ${1}`,
'sbd78a3c99d68b8ab': `Too many requests in a short time. Wait a minute, then try again.`,
'sc18c1749a60b3c31': str`This poll opens on ${0}.`,
'sd032c274c02bfb45': `Thank you, your vote has been recorded.`,
'sd0ca9deda5f4130b': str`Choose up to ${0} answers.`,
'sd352faf2a4cfcc07': `Total:`,
'sd3ac2018b8b17250': str`${0} of ${1} chosen`,
'se628da8e3246d950': `This poll is for signed-in residents only. Sign in to the city’s website, then try again.`,
'se82bd948b72362d3': `The results of this poll are not published.`,
'sea56e01301c1d12d': `The results will show after you vote.`,
'seb8a6fe9ac863de7': `Your answer:`,
'sf826551f78ae4407': `This poll does not exist or has been removed.`,
    };
  